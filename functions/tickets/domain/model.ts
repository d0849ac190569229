import { ATTACHMENT_STATUSES, REJECTION_REASONS } from '../../../contracts/attachments';
import { LocalizedText } from '../../../contracts/text';
import { Callback, Impact } from '../../../contracts/tickets';
import {
  AUTHOR_KINDS,
  CHANNELS,
  HISTORY_ACTIONS,
  LANGUAGES,
  PRIORITIES,
  STATUSES,
  TICKET_TYPES,
} from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';
import { TicketSla } from '../../sla/domain/index';

const names = z.array(z.string());

/** A ticket as stored. Never holds transient form fields. */
export const TicketRecord = z.object({
  ticketId: z.string(),
  organisationId: z.string(),
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  topicId: z.string(),
  /** The topic's path as it was named when the ticket was classified, in every language. */
  topicPaths: z.object({ ca: names, es: names, oc: names, en: names }),
  subject: z.string(),
  description: z.string(),
  fields: z.record(z.string(), z.unknown()),
  channel: z.enum(CHANNELS),
  impact: z.optional(Impact),
  callback: z.optional(Callback),
  /** Cognito `sub`, or `guest#<ticketId>` for a guest or someone staff recorded the ticket for. */
  requesterId: z.string(),
  requesterName: z.string(),
  /** The phone of someone staff recorded the ticket for, if they gave one: for staff to call back. */
  requesterPhone: z.optional(z.string()),
  /**
   * Guests have no profile: their address, language and the SHA-256 of their access token
   * live on the ticket (the token itself is only ever mailed). Someone staff recorded a ticket
   * for is a guest when they gave an email; without one they have no way in and get no mail.
   */
  guest: z.optional(z.object({ email: z.string(), language: z.enum(LANGUAGES), tokenHash: z.string() })),
  /** The team the ticket is with, and its name when it got there. */
  teamId: z.optional(z.string()),
  teamName: z.optional(LocalizedText),
  assigneeId: z.optional(z.string()),
  assigneeName: z.optional(z.string()),
  /** Its response-time clock, when its organisation has a calendar and an SLA policy. */
  sla: z.optional(TicketSla),
  /** While resolved: when it closes itself, the organisation's reopen window after the resolution. */
  autoCloseAt: z.optional(z.iso.datetime()),
  /**
   * Since its last resolution: the SHA-256 of the resolution mail's rating link token (the token
   * is made again when the mail is sent, never stored) and until when the link takes a rating.
   */
  rating: z.optional(z.object({ tokenHash: z.string(), until: z.iso.datetime() })),
  /** Once closed: when its files and their records are deleted, the organisation's retention after it closed. */
  filesPurgeAt: z.optional(z.iso.datetime()),
  /** The requester's rating, once given: one per ticket. */
  satisfaction: z.optional(z.object({ score: z.int(), comment: z.optional(z.string()), ratedAt: z.iso.datetime() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type TicketRecord = z.infer<typeof TicketRecord>;

/** Everything about a new ticket except its human number, which the store allocates. */
export type NewTicket = Omit<TicketRecord, 'number'>;

export const MessageRecord = z.object({
  ticketId: z.string(),
  /** Sortable: creation time, then a counter and random suffix. */
  messageId: z.string(),
  authorKind: z.enum(AUTHOR_KINDS),
  authorId: z.optional(z.string()),
  authorName: z.string(),
  body: z.string(),
  internal: z.boolean(),
  requestsInfo: z.optional(z.boolean()),
  createdAt: z.string(),
});
export type MessageRecord = z.infer<typeof MessageRecord>;

/** One line of a ticket's history: who did what, from what to what, and when. */
export const HistoryRecord = z.object({
  ticketId: z.string(),
  entryId: z.string(),
  action: z.enum(HISTORY_ACTIONS),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  byId: z.optional(z.string()),
  byName: z.string(),
  at: z.string(),
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

/**
 * A file attached to a ticket, beside its messages. Its object is at `attachmentKey(ticketId,
 * attachmentId)` (domain/attachments.ts); `revision` guards each change of status.
 */
export const AttachmentRecord = z.object({
  ticketId: z.string(),
  attachmentId: z.string(),
  organisationId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  status: z.enum(ATTACHMENT_STATUSES),
  rejectedFor: z.optional(z.enum(REJECTION_REASONS)),
  internal: z.boolean(),
  uploaderKind: z.enum(['requester', 'staff']),
  /** Cognito `sub` of a signed-in uploader; absent for guests. */
  uploaderId: z.optional(z.string()),
  uploaderName: z.string(),
  /** When the stored object was found to be what was declared (or not). */
  verifiedAt: z.optional(z.iso.datetime()),
  /** The malware scan's verdict, whenever it came (it may come before the verification). */
  scan: z.optional(
    z.object({
      result: z.enum(['clean', 'infected', 'failed']),
      threats: z.optional(z.array(z.string())),
      at: z.iso.datetime(),
    }),
  ),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  revision: z.int(),
});
export type AttachmentRecord = z.infer<typeof AttachmentRecord>;

/** What one Query of a ticket's partition finds: the ticket, if there is one, its messages, files and history. */
export interface Thread {
  readonly ticket: TicketRecord | undefined;
  readonly messages: readonly MessageRecord[];
  readonly attachments: readonly AttachmentRecord[];
  readonly history: readonly HistoryRecord[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
