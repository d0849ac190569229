import { text } from './text';
import { GuestTokenHeaders } from './tickets';
import * as z from './zod';

/**
 * What may be attached to a ticket: screenshots and photos, PDF, office documents and plain
 * text; nothing executable. Each declared type names what its bytes may be sniffed as (the
 * `mime` file-type reports, or `text` for text, which has no magic number): OOXML documents are
 * zip archives whose first entries do not always tell them apart, legacy Office files are OLE
 * compound files.
 */
export const ATTACHMENT_TYPES = {
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg'],
  'image/gif': ['image/gif'],
  'image/webp': ['image/webp'],
  'application/pdf': ['application/pdf'],
  'text/plain': ['text'],
  'text/csv': ['text'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/zip',
  ],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/zip',
  ],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/zip',
  ],
  'application/vnd.oasis.opendocument.text': ['application/vnd.oasis.opendocument.text', 'application/zip'],
  'application/vnd.oasis.opendocument.spreadsheet': [
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/zip',
  ],
  'application/vnd.oasis.opendocument.presentation': [
    'application/vnd.oasis.opendocument.presentation',
    'application/zip',
  ],
  'application/msword': ['application/x-cfb'],
  'application/vnd.ms-excel': ['application/x-cfb'],
  'application/vnd.ms-powerpoint': ['application/x-cfb'],
} as const satisfies Record<string, readonly string[]>;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_CONTENT_TYPES = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

/** An organisation's largest attachment unless it sets its own (`attachments.maxBytes`). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Days after a ticket closes until its files are deleted, unless the organisation sets its own:
 * two years, long enough for the complaints and appeals a closed ticket may still meet.
 */
export const DEFAULT_ATTACHMENT_RETENTION_DAYS = 730;
/** The most files one ticket takes, so a ticket page stays readable and storage bounded. */
export const MAX_ATTACHMENTS_PER_TICKET = 20;

/**
 * `pending` until the upload is seen; `scanning` once its size and type are verified;
 * `clean` (downloadable) or `infected` (quarantined, never downloadable) after the malware scan;
 * `rejected` when the stored file was not what was declared (its size, or its bytes' type).
 */
export const ATTACHMENT_STATUSES = ['pending', 'scanning', 'clean', 'infected', 'rejected'] as const;
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

/** Why a stored file was rejected. */
export const REJECTION_REASONS = ['size', 'type'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A file name as people see it: no path, no control characters, at most 200 characters. */
const fileName = () =>
  text(1, 200).check(z.refine((value) => !/[/\\]/.test(value), 'A file name without folders, please.'));

/** What the uploader declares before uploading; the upload is held to it (size and type). */
export const NewAttachment = z.strictObject({
  fileName: fileName(),
  contentType: z.enum(ATTACHMENT_CONTENT_TYPES, {
    error: 'Attach images (PNG, JPEG, GIF, WebP), PDF, office documents or plain text.',
  }),
  size: z.int('The size in bytes.').check(z.positive('An empty file cannot be attached.')),
  /** Staff only: a file for staff, like an internal note; requesters never see it. */
  internal: z.optional(z.boolean()),
});
export type NewAttachment = z.infer<typeof NewAttachment>;

export const AttachmentParams = z.strictObject({
  ticketId: z.uuid(),
  attachmentId: z.uuid(),
});

/**
 * A guest who has just filed may upload their files with the `uploadToken` the filing answered
 * with (an hour, that ticket's uploads only): their access token travels only by mail.
 */
export const GuestUploadHeaders = z.extend(GuestTokenHeaders, {
  'x-upload-token': z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,256}$/, 'Not an upload token.'))),
});

/** `Accept: application/json` asks for the download link as JSON instead of a redirect to it. */
export const DownloadHeaders = z.object({ accept: z.optional(z.string()) });
export const GuestDownloadHeaders = z.extend(DownloadHeaders, GuestTokenHeaders.shape);
