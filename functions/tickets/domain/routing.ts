import type { Catalogue, TeamDefinition } from '../../catalogue/domain/index';
import { eligibleAgents, pickAssignee } from '../../desk/domain/index';
import type { Ids } from '../../platform/kernel/ports';
import type { Calendar } from '../../sla/domain/index';
import { type Actor, historyEntry } from './history';
import { staffNotification } from './notifications';
import type { AutoAssignment } from './ports';

/** Who the history names for what nobody in particular did: automatic assignment, the sweeper. */
export const SYSTEM: Actor = { name: 'Finestreta' };

/**
 * How a new ticket on `topicId` finds an agent in its team: given at once to the least-loaded
 * agent who handles the topic if the team opted in; otherwise (undefined) it waits in the
 * team's queue for someone to take it.
 */
export function automaticAssignment(
  catalogue: Catalogue,
  team: TeamDefinition,
  topicId: string,
  ids: Ids,
  now: Date,
  calendar: Calendar | undefined,
): AutoAssignment | undefined {
  if (team.assignment !== 'automatic') return undefined;
  return {
    teamId: team.id,
    eligible: (staff) => eligibleAgents(catalogue, team.id, topicId, staff),
    choose: pickAssignee,
    given: (ticket, agent) => ({
      history: historyEntry(ids, now, ticket.ticketId, 'assigned', SYSTEM, undefined, agent.name),
      notification: staffNotification('assigned', ticket, ids, now, { userId: agent.userId }, calendar),
    }),
  };
}
