import { ifMatchVersion } from './http';
import { phone, slug, text } from './text';
import { CALLBACK_SLOTS, CHANNELS, PRIORITIES, STATUSES, TICKET_TYPES, WORK_VIEWS } from './vocabulary';
import * as z from './zod';

/* ─── Requests ─────────────────────────────────────────────────────────── */

/** The council's impact questions: they set the ITIL priority. */
export const Impact = z.strictObject({
  blocksWork: z.boolean(),
  affectsOthers: z.boolean(),
  affectsCitizens: z.boolean(),
  note: z.optional(text(0, 1000, { multiline: true })),
});
export type Impact = z.infer<typeof Impact>;

/** The town hall's "Call me": a phone and a slot (morning 8–14, afternoon 14–20). */
export const Callback = z.strictObject({
  phone: phone(),
  slot: z.enum(CALLBACK_SLOTS),
  date: z.optional(z.iso.date()),
});
export type Callback = z.infer<typeof Callback>;

const TicketRequest = z.strictObject({
  type: z.enum(TICKET_TYPES),
  topicId: slug(),
  subject: text(3, 200),
  description: text(1, 10_000, { multiline: true }),
  /** Answers to the topic's own form (GET /topics/{topicId}). */
  fields: z._default(z.record(z.string(), z.unknown()), {}),
  impact: z.optional(Impact),
  /** Staff recording a ticket that arrived by phone, email or in person. */
  channel: z.optional(z.enum(CHANNELS)),
  callback: z.optional(Callback),
});

const requesterEmail = () => z.email('Enter a valid email address.').check(z.toLowerCase());

/**
 * Who phoned, wrote or came in person, when staff record their ticket. Without an email they
 * are never mailed: staff tell them the ticket number.
 */
export const OnBehalfOf = z.strictObject({
  name: text(1, 120),
  email: z.optional(requesterEmail()),
  phone: z.optional(phone()),
});
export type OnBehalfOf = z.infer<typeof OnBehalfOf>;

export const CreateTicket = z.extend(TicketRequest, {
  /**
   * Staff of the topic's organisation only, with `channel` phone, email or in_person: the ticket
   * is that person's, recorded by the caller.
   */
  onBehalfOf: z.optional(OnBehalfOf),
});
export type CreateTicket = z.infer<typeof CreateTicket>;

const GuestRequester = z.strictObject({ name: text(1, 120), email: requesterEmail() });

export const CreateGuestTicket = z.extend(TicketRequest, { requester: GuestRequester });
export type CreateGuestTicket = z.infer<typeof CreateGuestTicket>;

/**
 * Without `view`, the caller's own tickets, newest first. Staff views, ordered by the next SLA
 * due time: `queue` (a team's unassigned tickets), `assigned` (the caller's), `team` (all of a
 * team's); `teamId` picks one of the caller's teams (any of the organisation's for supervisors)
 * and may be left out by whoever has only one.
 */
export const ListTicketsQuery = z.strictObject({
  view: z.optional(z.enum(WORK_VIEWS)),
  teamId: z.optional(slug()),
  status: z.optional(z.enum(STATUSES)),
  topicId: z.optional(slug()),
  priority: z.optional(z.enum(PRIORITIES)),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), 25),
  /** `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, 'Invalid cursor.'))),
});

export const Reply = z.strictObject({
  body: text(1, 10_000, { multiline: true }),
  /** Staff only: a note requesters never see. */
  internal: z.optional(z.boolean()),
  /** Staff only: asks the requester and waits for them. */
  requestInfo: z.optional(z.boolean()),
});
export type Reply = z.infer<typeof Reply>;

export const GuestReply = z.strictObject({ body: text(1, 10_000, { multiline: true }) });

/** Why the requester reopens a resolved ticket: added to the thread for whoever picks it up. */
export const Reopen = z.strictObject({ reason: text(3, 2000, { multiline: true }) });
export type Reopen = z.infer<typeof Reopen>;

/** A requester's rating of how their ticket was handled, once, after resolution. */
export const Rating = z.strictObject({
  score: z.int('Choose a score from 1 to 5.').check(z.gte(1, 'From 1 to 5.'), z.lte(5, 'From 1 to 5.')),
  comment: z.optional(text(1, 2000, { multiline: true })),
});
export type Rating = z.infer<typeof Rating>;

/** The token of a resolution mail's rating link: it names the ticket and proves who was mailed. */
export const RatingLinkParams = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,60}$/, 'Not a rating link.')),
});

export const UpdateTicket = z
  .strictObject({
    status: z.optional(z.enum(STATUSES)),
    assigneeId: z.optional(z.uuid()),
    /** Forward to this team of the organisation. */
    teamId: z.optional(slug()),
    priority: z.optional(z.enum(PRIORITIES)),
    /** Why the priority changes; required with `priority`. */
    reason: z.optional(text(3, 500)),
    topicId: z.optional(slug()),
  })
  .check(z.refine((body) => Object.keys(body).some((key) => key !== 'reason'), 'Change at least one thing.'));
export type UpdateTicket = z.infer<typeof UpdateTicket>;

export const TicketParams = z.strictObject({ ticketId: z.uuid() });

/** `If-Match: <version>`: a bare number or an entity tag (`"3"`, `W/"3"`). */
export const IfMatchHeaders = z.object({ 'if-match': ifMatchVersion('Send If-Match with the version you last read.') });

/** A guest's access token, from the link in their first mail. */
export const GuestTokenHeaders = z.object({
  'x-ticket-token': z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/, 'Not an access token.'))),
});
