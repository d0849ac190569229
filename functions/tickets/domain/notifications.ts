import { heldUntil, type MailEvent, type OutboxMessage, type Recipient } from '../../mail/domain/index';
import type { Ids } from '../../platform/kernel/ports';
import type { Calendar } from '../../sla/domain/index';
import type { TicketRecord } from './model';

/** Who hears about a ticket: its requester, by profile, or a guest by the address they gave. */
const requesterOf = (ticket: TicketRecord): Recipient =>
  ticket.guest
    ? { name: ticket.requesterName, email: ticket.guest.email, language: ticket.guest.language }
    : { userId: ticket.requesterId };

/** The requester id of someone without an account: a guest, or whoever staff recorded the ticket for. */
export const ACCOUNTLESS = 'guest#';

/**
 * Whether the requester can be mailed: someone staff recorded a ticket for without an email has
 * neither an account nor an address.
 */
export const requesterReachable = (ticket: TicketRecord): boolean =>
  ticket.guest !== undefined || !ticket.requesterId.startsWith(ACCOUNTLESS);

/** The requester's mails about an event: none when they cannot be reached. */
export const requesterNotifications = (
  event: MailEvent,
  ticket: TicketRecord,
  ids: Ids,
  now: Date,
  message?: string,
): OutboxMessage[] => (requesterReachable(ticket) ? [notificationFor(event, ticket, ids, now, message)] : []);

/** A mail about an event of the ticket: to its requester, unless it is for someone else (staff, a team). */
export function notificationFor(
  event: MailEvent,
  ticket: TicketRecord,
  ids: Ids,
  now: Date,
  message?: string,
  recipient: Recipient = requesterOf(ticket),
): OutboxMessage {
  return {
    notificationId: ids.sortableId(now),
    event,
    ticketId: ticket.ticketId,
    number: ticket.number,
    subject: ticket.subject,
    recipient,
    ...(message !== undefined ? { message } : {}),
    createdAt: now.toISOString(),
  };
}

/**
 * A mail to staff about the ticket (assigned, forwarded, SLA alerts): written at `now` while the
 * organisation is closed, it waits for the next opening.
 */
export function staffNotification(
  event: MailEvent,
  ticket: TicketRecord,
  ids: Ids,
  now: Date,
  recipient: Recipient,
  calendar: Calendar | undefined,
  due?: OutboxMessage['due'],
): OutboxMessage {
  const holdUntil = heldUntil(calendar, now);
  return {
    ...notificationFor(event, ticket, ids, now, undefined, recipient),
    organisationId: ticket.organisationId,
    ...(holdUntil ? { holdUntil } : {}),
    ...(due ? { due } : {}),
  };
}
