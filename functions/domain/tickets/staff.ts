import { NotFound } from '../errors';
import { historyEntry } from './history';
import type { Deps } from './intake';
import type { MessageRecord, TicketRecord } from './model';
import { notificationFor } from './notifications';
import type { Status } from './status';

export interface AgentProfile {
  readonly userId: string;
  readonly organisationId: string;
  readonly name: string;
  readonly teamIds: readonly string[];
  readonly topicIds: readonly string[];
  readonly supervisor: boolean;
}

/**
 * Whether a staff member may work a ticket: supervisors their whole organisation, agents the
 * tickets of their teams or topics. Anything else is 404, as if the ticket did not exist.
 */
export function mayWork(profile: AgentProfile | undefined, ticket: TicketRecord | undefined): TicketRecord {
  const allowed =
    profile &&
    ticket &&
    profile.organisationId === ticket.organisationId &&
    (profile.supervisor ||
      (ticket.teamId !== undefined && profile.teamIds.includes(ticket.teamId)) ||
      profile.topicIds.includes(ticket.topicId));
  if (!allowed || !ticket) throw new NotFound('No such ticket.');
  return ticket;
}

export const actorOf = (profile: AgentProfile) => ({ id: profile.userId, name: profile.name });

export interface StaffMessage {
  readonly body: string;
  readonly internal?: boolean;
  readonly requestInfo?: boolean;
}

/**
 * A staff message: an internal note changes nothing for the requester; a request for
 * information waits on them (pausing the SLA clock); a first public answer takes the ticket in hand.
 */
export async function replyAsStaff(deps: Deps, ticket: TicketRecord, profile: AgentProfile, input: StaffMessage) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const next: Status = input.internal
    ? ticket.status
    : input.requestInfo
      ? 'waiting_on_requester'
      : ticket.status === 'open' || ticket.status === 'waiting_on_requester'
        ? 'in_progress'
        : ticket.status;
  const message: MessageRecord = {
    ticketId: ticket.ticketId,
    messageId: deps.ids.sortableId(now),
    authorKind: 'staff',
    authorId: profile.userId,
    authorName: profile.name,
    body: input.body,
    internal: Boolean(input.internal),
    ...(input.requestInfo ? { requestsInfo: true } : {}),
    createdAt: at,
  };
  const history =
    next !== ticket.status
      ? historyEntry(deps.ids, now, ticket.ticketId, 'status_changed', actorOf(profile), ticket.status, next)
      : undefined;
  // Internal notes are the staff's own: the requester hears nothing of them.
  const notifications = input.internal
    ? []
    : [notificationFor(input.requestInfo ? 'info_requested' : 'staff_replied', ticket, deps.ids, now, input.body)];
  return deps.store.addMessage(ticket, message, next, history, notifications);
}
