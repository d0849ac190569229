import { LANGUAGES } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';

export const MAIL_EVENTS = [
  'created',
  'staff_replied',
  'info_requested',
  'resolved',
  'assigned',
  'forwarded',
  'sla_warning',
  'sla_escalated',
  /** To whoever uploaded a file the malware scan flagged, and to the ticket's team; `message` names the file. */
  'attachment_infected',
  /** Form requests (each carries `formRequest`): whoever acts at the request's step must do so… */
  'form_request_waiting',
  /** …and its deadline is near… */
  'form_request_reminder',
  /** …or has passed: to the directorate's supervisors. */
  'form_request_escalated',
  /** To the department: the directorate said no, and its comment says why. */
  'form_request_rejected',
  /** To the department and the reviewers: the form is live, at its URL in each language. */
  'form_request_completed',
] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];

/** The events about a department's request for a contact form, rather than a ticket. */
export const FORM_REQUEST_EVENTS = [
  'form_request_waiting',
  'form_request_reminder',
  'form_request_escalated',
  'form_request_rejected',
  'form_request_completed',
] as const satisfies readonly MailEvent[];
export type FormRequestEvent = (typeof FORM_REQUEST_EVENTS)[number];

export const isFormRequestEvent = (event: unknown): event is FormRequestEvent =>
  (FORM_REQUEST_EVENTS as readonly unknown[]).includes(event);

/** The events about a ticket: what templates.ts and `sendMail` write. */
export type TicketMailEvent = Exclude<MailEvent, FormRequestEvent>;

/**
 * Who a mail is for. A person with an account is named by id: their address, name and
 * language are read from their profile when the mail is sent, so a change of language
 * applies to every later mail. A guest has no profile, so the mail carries their details.
 * A team is its members when the mail is sent, each in their own language.
 */
export const Recipient = z.union([
  z.object({ userId: z.string() }),
  z.object({ name: z.string(), email: z.string(), language: z.enum(LANGUAGES) }),
  z.object({ teamId: z.string(), organisationId: z.string() }),
  z.object({ supervisorsOf: z.string() }),
]);
export type Recipient = z.infer<typeof Recipient>;

/**
 * A mail to send, written in the same transaction as the change it reports and delivered
 * from the table's stream: the request never waits for SES, and a failed send is retried.
 * It carries what the mail shows, never form fields: no national ID or transient value.
 *
 * A form request's mail is this with its own events and a `formRequest` part
 * (form-request-outbox.ts), so the ticket functions do not build that schema at cold start.
 */
export const OutboxMessage = z.object({
  notificationId: z.string(),
  event: z.enum(MAIL_EVENTS),
  ticketId: z.string(),
  number: z.string(),
  subject: z.string(),
  recipient: Recipient,
  /** The staff message, for replies and requests for information. */
  message: z.optional(z.string()),
  /** For SLA warnings and escalations: which commitment, due when, told in the organisation's time zone. */
  due: z.optional(
    z.object({ commitment: z.enum(['firstResponse', 'resolution']), at: z.iso.datetime(), timeZone: z.string() }),
  ),
  /**
   * Staff mail written outside the organisation's opening hours waits until then (the sweeper
   * releases it): nobody is mailed about work at night.
   */
  holdUntil: z.optional(z.iso.datetime()),
  /** For a resolution: when it was resolved, what the mail's rating link is made from. */
  resolvedAt: z.optional(z.iso.datetime()),
  /** The organisation whose sweeper releases the mail when held. */
  organisationId: z.optional(z.string()),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const isGuest = (recipient: Recipient): recipient is Extract<Recipient, { email: string }> =>
  'email' in recipient;

export const isTeam = (recipient: Recipient): recipient is Extract<Recipient, { teamId: string }> =>
  'teamId' in recipient;

export const isSupervisors = (recipient: Recipient): recipient is Extract<Recipient, { supervisorsOf: string }> =>
  'supervisorsOf' in recipient;
