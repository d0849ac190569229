import { describe, expect, it } from 'vitest';
import { Forbidden, ValidationFailed } from '../../../functions/platform/kernel/errors';
import type { StaffMember } from '../../../functions/tickets/domain/access';
import { openTicket } from '../../../functions/tickets/domain/filing';
import { queuePlace, workList } from '../../../functions/tickets/domain/queues';
import { agentProfile, CLIENT, citizen, citizenProfile, incident, world } from './world';

const member = (staff: StaffMember['staff']): StaffMember => ({ ...agentProfile, staff });
const agent = member({
  organisationId: 'dipu',
  teamIds: ['dipu-web', 'dipu-systems'],
  topicIds: [],
  supervisor: false,
});
const loner = member({ organisationId: 'dipu', teamIds: ['dipu-web'], topicIds: [], supervisor: false });
const supervisor = member({ organisationId: 'dipu', teamIds: [], topicIds: [], supervisor: true });

describe('work queues', () => {
  it('place an open ticket in its team’s and assignee’s queues by its next due time, and a resolved one in none', async () => {
    const { deps } = world();
    const ticket = await openTicket(
      deps,
      { kind: 'user', caller: citizen, profile: citizenProfile, client: CLIENT },
      incident,
    );
    expect(queuePlace(ticket)).toEqual({
      teamId: 'dipu-web',
      due: `${ticket.sla?.firstResponseDueAt}#${ticket.ticketId}`,
    });
    const paused = {
      ...ticket,
      assigneeId: 'u-agent',
      sla: { ...(ticket.sla as NonNullable<typeof ticket.sla>), pausedSince: ticket.createdAt },
    };
    expect(queuePlace(paused)).toEqual({ teamId: 'dipu-web', assigneeId: 'u-agent', due: `~#${ticket.ticketId}` });
    expect(queuePlace({ ...ticket, status: 'resolved' })).toBeUndefined();
  });

  it('read the caller’s own team, which someone with a single team need not name', async () => {
    const { deps } = world();
    expect(await workList(deps, loner, 'queue', undefined)).toEqual({
      index: 'team',
      teamId: 'dipu-web',
      unassignedOnly: true,
    });
    expect(await workList(deps, agent, 'team', 'dipu-systems')).toEqual({
      index: 'team',
      teamId: 'dipu-systems',
      unassignedOnly: false,
    });
    expect(await workList(deps, agent, 'assigned', undefined)).toEqual({ index: 'assignee', userId: 'u-agent' });
    await expect(workList(deps, agent, 'queue', undefined)).rejects.toThrow(ValidationFailed);
  });

  it('let agents read only their teams, and supervisors any team of their organisation', async () => {
    const { deps } = world();
    await expect(workList(deps, agent, 'queue', 'dipu-accounting')).rejects.toThrow(Forbidden);
    expect(await workList(deps, supervisor, 'team', 'dipu-accounting')).toMatchObject({ teamId: 'dipu-accounting' });
    await expect(workList(deps, supervisor, 'team', 'salut-support')).rejects.toThrow(ValidationFailed);
  });
});
