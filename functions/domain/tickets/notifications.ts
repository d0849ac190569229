import type { Language } from '../../http/language';
import type { TicketRecord } from './model';
import type { Ids } from './ports';

export const MAIL_EVENTS = ['created', 'staff_replied', 'info_requested', 'resolved'] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];

/**
 * A mail to send, written in the same transaction as the change it reports and delivered
 * from the table's stream: the request never waits for SES, and a failed send is retried.
 * It carries what the mail shows, never form fields: no national ID or transient value.
 */
export interface Notification {
  readonly notificationId: string;
  readonly event: MailEvent;
  readonly ticketId: string;
  readonly number: string;
  readonly subject: string;
  readonly requesterName: string;
  readonly requesterEmail: string;
  readonly language: Language;
  /** Guests follow their ticket through their private link; the mail says so instead. */
  readonly guest: boolean;
  /** The staff message, for replies and requests for information. */
  readonly message?: string;
  readonly createdAt: string;
}

export function notificationFor(
  event: MailEvent,
  ticket: TicketRecord,
  ids: Ids,
  now: Date,
  message?: string,
): Notification {
  return {
    notificationId: ids.sortableId(now),
    event,
    ticketId: ticket.ticketId,
    number: ticket.number,
    subject: ticket.subject,
    requesterName: ticket.requesterName,
    requesterEmail: ticket.requesterEmail,
    language: ticket.requesterLanguage,
    guest: ticket.guestTokenHash !== undefined,
    ...(message !== undefined ? { message } : {}),
    createdAt: now.toISOString(),
  };
}
