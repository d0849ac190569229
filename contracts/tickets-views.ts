/*
 * Tickets as the API answers them: apart from the requests (tickets.ts), since handlers import
 * response schemas only as types and no Lambda should build them at cold start.
 */

import { ATTACHMENT_STATUSES, REJECTION_REASONS } from './attachments';
import { Callback, Impact } from './tickets';
import { AUTHOR_KINDS, CHANNELS, HISTORY_ACTIONS, PRIORITIES, STATUSES, TICKET_TYPES } from './vocabulary';
import * as z from './zod';

export const Ticket = z.object({
  id: z.string(),
  /** Human number, unique per organisation: `DIPU-2026-000042`. */
  number: z.string(),
  type: z.enum(TICKET_TYPES),
  status: z.enum(STATUSES),
  /** The status in the reader's language; a forwarded ticket names its team. */
  statusLabel: z.string(),
  priority: z.enum(PRIORITIES),
  topic: z.object({ id: z.string(), path: z.array(z.string()), name: z.string() }),
  subject: z.string(),
  description: z.string(),
  fields: z.record(z.string(), z.unknown()),
  channel: z.enum(CHANNELS),
  impact: z.optional(Impact),
  callback: z.optional(Callback),
  /**
   * Who the ticket is for. Staff also get the email and phone of a requester without an account
   * (a guest, or someone a ticket was recorded for): no email means they are never mailed.
   */
  requester: z.object({ name: z.string(), email: z.optional(z.string()), phone: z.optional(z.string()) }),
  /** The team the ticket is with. */
  team: z.optional(z.object({ id: z.string(), name: z.string() })),
  /** Requesters see who works their ticket by name only; staff also get the id, to reassign. */
  assignee: z.optional(z.object({ id: z.optional(z.string()), name: z.string() })),
  /**
   * Response-time commitments, counted in the organisation's business hours; absent where its
   * organisation has none. Paused while waiting on the requester; a pause that ends moves the
   * due times not yet met by the business time it lasted (`pausedMinutes`, of ended pauses).
   */
  sla: z.optional(
    z.object({
      firstResponseDueAt: z.iso.datetime(),
      firstRespondedAt: z.optional(z.iso.datetime()),
      resolutionDueAt: z.iso.datetime(),
      pausedMinutes: z.number(),
      paused: z.boolean(),
      breached: z.object({ firstResponse: z.boolean(), resolution: z.boolean() }),
    }),
  ),
  /** The requester's rating, once given. */
  satisfaction: z.optional(z.object({ score: z.int(), comment: z.optional(z.string()), ratedAt: z.iso.datetime() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Send it back in If-Match when changing the ticket. */
  version: z.number(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketPage = z.object({ items: z.array(Ticket), nextCursor: z.nullable(z.string()) });
export type TicketPage = z.infer<typeof TicketPage>;

const Message = z.object({
  id: z.string(),
  author: z.object({ kind: z.enum(AUTHOR_KINDS), name: z.string() }),
  body: z.string(),
  /** Staff notes; never shown to requesters. */
  internal: z.boolean(),
  requestsInfo: z.optional(z.boolean()),
  createdAt: z.iso.datetime(),
});

const HistoryEntry = z.object({
  action: z.enum(HISTORY_ACTIONS),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  by: z.object({ name: z.string() }),
  at: z.iso.datetime(),
});

/** A file attached to the ticket, as its readers see it (requesters never see staff-only files). */
export const Attachment = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  /** In bytes, as declared (a stored file of another size is rejected). */
  size: z.int(),
  status: z.enum(ATTACHMENT_STATUSES),
  /** Why a `rejected` file was: its stored size or its bytes' type were not those declared. */
  rejectedFor: z.optional(z.enum(REJECTION_REASONS)),
  /** The message it came with: its uploader's last message of the same visibility before it. */
  messageId: z.optional(z.string()),
  /** Staff-only files, like internal notes. */
  internal: z.boolean(),
  uploadedBy: z.object({ kind: z.enum(AUTHOR_KINDS), name: z.string() }),
  createdAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof Attachment>;

export const TicketWithThread = z.extend(Ticket, {
  /** Oldest first. */
  thread: z.array(Message),
  /** Oldest first; each names the message it came with. Only `clean` ones can be downloaded. */
  attachments: z.array(Attachment),
  history: z.array(HistoryEntry),
});
export type TicketWithThread = z.infer<typeof TicketWithThread>;

/**
 * What a resolution mail's rating link opens: the ticket and the 1–5 choice. Reading it never
 * records anything (mail scanners follow links); only the POST of a score does.
 */
export const RatingInvitation = z.object({
  ticket: z.object({ number: z.string(), subject: z.string(), status: z.enum(STATUSES), statusLabel: z.string() }),
  scale: z.array(z.int()),
  /** Until when the link takes a rating: the end of the reopen window. */
  ratableUntil: z.iso.datetime(),
  /** The rating already given through any way, if any. */
  rated: z.nullable(z.object({ score: z.int(), comment: z.optional(z.string()), ratedAt: z.iso.datetime() })),
});
export type RatingInvitation = z.infer<typeof RatingInvitation>;

/** A guest's new ticket, with the token that lets the one who filed it upload its files for an hour. */
export const GuestTicketCreated = z.extend(Ticket, {
  /** Send as `X-Upload-Token` to `POST /public/tickets/{id}/attachments`; it opens nothing else. */
  uploadToken: z.string(),
});
export type GuestTicketCreated = z.infer<typeof GuestTicketCreated>;

/**
 * Where to upload a declared file: an S3 presigned POST. Send `fields` and then the file as
 * `file`, as multipart/form-data, before `expiresAt`; S3 refuses another size or type.
 */
export const AttachmentUpload = z.object({
  attachmentId: z.string(),
  upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  expiresAt: z.iso.datetime(),
});
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

/** A clean file's short-lived download link, for clients that ask for it as JSON instead of a redirect. */
export const DownloadLink = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type DownloadLink = z.infer<typeof DownloadLink>;
