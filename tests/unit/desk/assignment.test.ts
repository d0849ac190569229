import { describe, expect, it } from 'vitest';
import { eligibleAgents, pickAssignee } from '../../../functions/desk/domain/assignment';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';
import { profile } from '../tickets/world';

const hestia = (topicIds: string[] = [], supervisor = false, teamIds = ['hestia-support']) => ({
  organisationId: 'hestia',
  teamIds,
  topicIds,
  supervisor,
});

describe('automatic assignment', () => {
  it('chooses among the team’s agents who handle the topic: specialists only for their topics, never supervisors', () => {
    const staff = [
      profile('u-c', 'Carla', hestia()),
      profile('u-a', 'Abel', hestia(['hestia-query'])),
      profile('u-s', 'Sílvia', hestia([], true)),
      profile('u-o', 'Oriol', hestia([], false, ['hestia-technical'])),
      // A topic of another team says nothing of what they do in this one.
      profile('u-b', 'Berta', hestia(['dipu-eadmin-platform'])),
      profile('u-x', 'Xavi'),
    ];
    const ids = (topicId: string) =>
      eligibleAgents(DEMO_CATALOGUE, 'hestia-support', topicId, staff).map((agent) => agent.userId);
    expect(ids('hestia-query')).toEqual(['u-a', 'u-b', 'u-c']);
    expect(ids('hestia-new-user')).toEqual(['u-b', 'u-c']);
  });

  it('gives the ticket to whoever holds the fewest open tickets', () => {
    const open = new Map([
      ['u-a', 3],
      ['u-b', 1],
      ['u-c', 2],
    ]);
    expect(pickAssignee(['u-a', 'u-b', 'u-c'], open, undefined)).toBe('u-b');
    // Someone never counted holds none.
    expect(pickAssignee(['u-a', 'u-b', 'u-d'], open, 'u-b')).toBe('u-d');
  });

  it('lets equals take turns: the first after whoever got the team’s last ticket, round the list', () => {
    const even = new Map([
      ['u-a', 2],
      ['u-b', 2],
      ['u-c', 2],
    ]);
    const candidates = ['u-a', 'u-b', 'u-c'];
    expect(pickAssignee(candidates, even, undefined)).toBe('u-a');
    expect(pickAssignee(candidates, even, 'u-a')).toBe('u-b');
    expect(pickAssignee(candidates, even, 'u-c')).toBe('u-a');
    // The last one may have left the team: the turn goes on from where they were.
    expect(pickAssignee(['u-a', 'u-c'], even, 'u-b')).toBe('u-c');
  });
});
