// The plain vocabulary, not form-requests.ts: that builds the request's zod schemas at import,
// and every function that writes the outbox (the ticket functions too) imports this module.
import { FORM_REQUEST_STEPS } from '../../../contracts/form-request-steps';
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

export const isFormRequestEvent = (event: MailEvent): event is FormRequestEvent =>
  (FORM_REQUEST_EVENTS as readonly MailEvent[]).includes(event);

/** The events about a ticket: what templates.ts and `sendMail` write. */
export type TicketMailEvent = Exclude<MailEvent, FormRequestEvent>;

/**
 * What a form request's mail shows besides its reference and website: the step it is at, its
 * deadline (told in `timeZone`, the directorate's), the directorate's comment on a rejection
 * and, once completed, the form's URL in each language. Nothing personal.
 */
export const FormRequestMail = z.object({
  requestId: z.string(),
  step: z.enum(FORM_REQUEST_STEPS),
  dueAt: z.optional(z.iso.datetime()),
  timeZone: z.optional(z.string()),
  comment: z.optional(z.string()),
  urls: z.optional(z.partialRecord(z.enum(LANGUAGES), z.string())),
});
export type FormRequestMail = z.infer<typeof FormRequestMail>;

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
 * A form request's mail (a `form_request_*` event, always with `formRequest`) uses the same
 * fields: `ticketId` is the request's id (it keys the item and the logs), `number` its short
 * reference and `subject` the department's website.
 */
export const OutboxMessage = z
  .object({
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
    /** For a form request's events, and only for them: what its mail shows. */
    formRequest: z.optional(FormRequestMail),
    createdAt: z.string(),
  })
  .check(
    z.refine((message) => isFormRequestEvent(message.event) === (message.formRequest !== undefined), {
      message: 'A form request’s events carry formRequest, and only they do.',
      path: ['formRequest'],
    }),
  );
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const isGuest = (recipient: Recipient): recipient is Extract<Recipient, { email: string }> =>
  'email' in recipient;

export const isTeam = (recipient: Recipient): recipient is Extract<Recipient, { teamId: string }> =>
  'teamId' in recipient;

export const isSupervisors = (recipient: Recipient): recipient is Extract<Recipient, { supervisorsOf: string }> =>
  'supervisorsOf' in recipient;
