import { describe, expect, it } from 'vitest';
import { agentsView, teamsView } from '../../../functions/desk/domain/directory';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';
import { profile } from '../tickets/world';

describe('the desk directory', () => {
  it('lists only the organisation’s teams, first-level ones first, named in the reader’s language', () => {
    const { items } = teamsView(DEMO_CATALOGUE, 'oac360', 'en');
    expect(items.map((team) => team.id)).toEqual(['oac360-agents', 'oac360-technical-services']);
    expect(items.at(-1)?.level).toBe(2);
    expect(teamsView(DEMO_CATALOGUE, 'dipu', 'en').items.every((team) => team.id.startsWith('dipu-'))).toBe(true);
  });

  it('lists staff by name with where they work, and nothing else of their profile', () => {
    const where = { organisationId: 'dipu', teamIds: ['dipu-web'], topicIds: [], supervisor: false };
    const { items } = agentsView(
      [profile('u2', 'Pau'), profile('u1', 'Àngels', where), profile('u3', 'Bernat', where)],
      'ca',
    );
    expect(items.map((agent) => agent.name)).toEqual(['Àngels', 'Bernat']);
    expect(items[0]).toEqual({ userId: 'u1', name: 'Àngels', teamIds: ['dipu-web'], topicIds: [], supervisor: false });
  });
});
