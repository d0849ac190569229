import type { Reply } from '../../../contracts/tickets';
import type { Status } from '../../../contracts/vocabulary';
import { Forbidden, ValidationFailed } from '../../platform/kernel/errors';
import type { RequesterAccess, StaffAccess, TicketAccess } from './access';
import { historyEntry } from './history';
import { transition } from './lifecycle';
import type { MessageRecord, TicketRecord } from './model';
import { requesterNotifications } from './notifications';
import type { TicketDeps } from './ports';
import { clockAfterEvent } from './sla';

/** A message at the end of the thread, from whoever the access policy says the author is. */
export async function reply(deps: TicketDeps, access: TicketAccess, input: Reply): Promise<TicketRecord> {
  if (access.as === 'staff') return replyAsStaff(deps, access, input);
  if (input.internal || input.requestInfo)
    throw new Forbidden('Only staff write internal notes or ask for information.');
  return replyAsRequester(deps, access, input.body);
}

/**
 * The requester (or guest) writes at the end of the thread, moving the ticket to `next`: the
 * message, the status change in the history if there is one, and the SLA clock, in one write.
 */
export async function requesterStep(
  deps: TicketDeps,
  access: RequesterAccess,
  body: string,
  next: Status,
  now: Date,
): Promise<TicketRecord> {
  const { ticket } = access;
  const message: MessageRecord = {
    ticketId: ticket.ticketId,
    messageId: deps.ids.sortableId(now),
    authorKind: 'requester',
    ...(access.as === 'requester' ? { authorId: ticket.requesterId } : {}),
    authorName: ticket.requesterName,
    body,
    internal: false,
    createdAt: now.toISOString(),
  };
  const by = { name: ticket.requesterName };
  const history =
    next !== ticket.status
      ? historyEntry(deps.ids, now, ticket.ticketId, 'status_changed', by, ticket.status, next)
      : undefined;
  const sla = await clockAfterEvent(deps, ticket, { from: ticket.status, to: next, at: now });
  return deps.store.addMessage(ticket, message, next, history, [], sla);
}

/** The requester adds to the end of the thread; an answer to a request for information puts it back in progress. */
function replyAsRequester(deps: TicketDeps, access: RequesterAccess, body: string): Promise<TicketRecord> {
  const next = transition(access.ticket.status, { type: 'requester_replied' });
  return requesterStep(deps, access, body, next, deps.clock.now());
}

/**
 * A staff message: an internal note changes nothing for the requester and mails nobody; a
 * request for information waits on them; a public answer takes the ticket in hand. Each
 * status change goes through the lifecycle, which refuses, say, a question on a closed ticket.
 */
async function replyAsStaff(deps: TicketDeps, access: StaffAccess, input: Reply): Promise<TicketRecord> {
  const { ticket, member } = access;
  if (input.internal && input.requestInfo) {
    throw new ValidationFailed([
      { path: 'requestInfo', message: 'An internal note cannot ask the requester anything.' },
    ]);
  }
  const next = input.internal
    ? ticket.status
    : transition(ticket.status, { type: input.requestInfo ? 'info_requested' : 'staff_replied' });
  const now = deps.clock.now();
  const by = { id: member.userId, name: member.name };
  const message: MessageRecord = {
    ticketId: ticket.ticketId,
    messageId: deps.ids.sortableId(now),
    authorKind: 'staff',
    authorId: by.id,
    authorName: by.name,
    body: input.body,
    internal: Boolean(input.internal),
    ...(input.requestInfo ? { requestsInfo: true } : {}),
    createdAt: now.toISOString(),
  };
  const history =
    next !== ticket.status
      ? historyEntry(deps.ids, now, ticket.ticketId, 'status_changed', by, ticket.status, next)
      : undefined;
  const notifications = input.internal
    ? []
    : requesterNotifications(input.requestInfo ? 'info_requested' : 'staff_replied', ticket, deps.ids, now, input.body);
  const sla = await clockAfterEvent(deps, ticket, {
    from: ticket.status,
    to: next,
    at: now,
    publicStaffReply: !input.internal,
  });
  return deps.store.addMessage(ticket, message, next, history, notifications, sla);
}
