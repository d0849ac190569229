import type { MailEvent, OutboxMessage, Recipient } from '../../mail/domain/index';
import type { Ids } from '../../platform/kernel/ports';
import type { TicketRecord } from './model';

/** Who hears about a ticket: its requester, by profile, or a guest by the address they gave. */
const requesterOf = (ticket: TicketRecord): Recipient =>
  ticket.guest
    ? { name: ticket.requesterName, email: ticket.guest.email, language: ticket.guest.language }
    : { userId: ticket.requesterId };

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
