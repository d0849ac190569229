import {
  ATTACHMENT_TYPES,
  type AttachmentStatus,
  DEFAULT_ATTACHMENT_RETENTION_DAYS,
  MAX_ATTACHMENTS_PER_TICKET,
  type NewAttachment,
  type RejectionReason,
} from '../../../contracts/attachments';
import type { Attachment } from '../../../contracts/tickets-views';
import type { OutboxMessage } from '../../mail/domain/index';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../platform/kernel/errors';
import type { Ids } from '../../platform/kernel/ports';
import type { TicketAccess } from './access';
import type { AttachmentRecord, MessageRecord, TicketRecord } from './model';
import { notificationFor, requesterReachable } from './notifications';

/**
 * Where uploads land: under their ticket, at a key the server chooses. The bucket's event for
 * new objects and GuardDuty's protection both cover this prefix only.
 */
export const ATTACHMENT_PREFIX = 'tickets/';
/** Where infected files are moved: nothing presigns a download there. */
export const QUARANTINE_PREFIX = 'quarantine/';

export const attachmentKey = (ticketId: string, attachmentId: string) =>
  `${ATTACHMENT_PREFIX}${ticketId}/${attachmentId}`;
export const quarantineKey = (ticketId: string, attachmentId: string) =>
  `${QUARANTINE_PREFIX}${ticketId}/${attachmentId}`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^${ATTACHMENT_PREFIX}(${UUID})/(${UUID})$`);

/** The ticket and attachment an object key names, or undefined for any other key. */
export function attachmentOfKey(key: string): { ticketId: string; attachmentId: string } | undefined {
  const match = KEY.exec(key);
  return match ? { ticketId: match[1] as string, attachmentId: match[2] as string } : undefined;
}

/** How long an upload policy and a download link last. */
export const UPLOAD_SECONDS = 15 * 60;
export const DOWNLOAD_SECONDS = 60;
/** How long after filing a guest may upload with the token the filing answered with. */
export const GUEST_UPLOAD_WINDOW_MS = 60 * 60 * 1000;

/** Statuses from which nothing more happens to a file. */
const SETTLED: readonly AttachmentStatus[] = ['clean', 'infected', 'rejected'];

/**
 * A file declared for upload by whoever the access policy says may answer the ticket. Staff may
 * keep a file to staff (`internal`); requesters may not. Closed tickets take nothing more, like
 * messages. The organisation's size limit applies here, and again to the upload itself.
 */
export function declareAttachment(
  access: TicketAccess,
  input: NewAttachment,
  maxBytes: number,
  attachmentId: string,
  now: Date,
): AttachmentRecord {
  const { ticket } = access;
  if (input.internal && access.as !== 'staff') throw new Forbidden('Only staff keep files to staff.');
  if (input.size > maxBytes) {
    throw new ValidationFailed([
      { path: 'size', message: `The file is larger than ${megabytes(maxBytes)} MB, the most this office takes.` },
    ]);
  }
  if (ticket.status === 'closed') throw new Conflict('This ticket is closed: file a new one to send more.');
  const at = now.toISOString();
  return {
    ticketId: ticket.ticketId,
    attachmentId,
    organisationId: ticket.organisationId,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    status: 'pending',
    internal: Boolean(input.internal),
    uploaderKind: access.as === 'staff' ? 'staff' : 'requester',
    ...(access.as === 'staff' ? { uploaderId: access.member.userId } : {}),
    ...(access.as === 'requester' ? { uploaderId: ticket.requesterId } : {}),
    uploaderName: access.as === 'staff' ? access.member.name : ticket.requesterName,
    createdAt: at,
    updatedAt: at,
    revision: 1,
  };
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

export const tooManyAttachments = () =>
  new Conflict(`A ticket takes at most ${MAX_ATTACHMENTS_PER_TICKET} files; put several in one document.`);

/** What the stored object turned out to be: its real size, and what its first bytes say it is. */
export interface StoredObject {
  readonly size: number;
  /** file-type's `mime`, `text` for text without a magic number, undefined for anything else. */
  readonly sniffed: string | undefined;
}

/** Whether the stored object is what was declared: its size exactly, and a type its bytes may be. */
export function verifyStored(record: AttachmentRecord, stored: StoredObject): RejectionReason | undefined {
  if (stored.size !== record.size) return 'size';
  const allowed: readonly string[] = ATTACHMENT_TYPES[record.contentType as keyof typeof ATTACHMENT_TYPES] ?? [];
  return stored.sniffed && allowed.includes(stored.sniffed) ? undefined : 'type';
}

/**
 * Text has no magic number: it is text when its first bytes hold no control characters but tab,
 * line breaks and form feed. Any encoding passes (spreadsheets still export Windows-1252 CSV);
 * executables and other binaries do not, as they are full of NUL bytes.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

export type ScanResult = 'clean' | 'infected' | 'failed';

/** GuardDuty's result statuses, as the file's: what it could not scan is not called clean. */
export function scanResultOf(status: string): ScanResult {
  if (status === 'NO_THREATS_FOUND') return 'clean';
  if (status === 'THREATS_FOUND') return 'infected';
  return 'failed';
}

/**
 * The file once its upload is verified (or refused). The scan and the verification run at
 * once, in either order: a scan result already recorded settles the file as soon as it is
 * verified; a stage without scanning (`off`) calls a verified file clean.
 */
export function afterVerification(
  record: AttachmentRecord,
  rejectedFor: RejectionReason | undefined,
  scanning: 'guardduty' | 'off',
  now: Date,
): AttachmentRecord {
  if (SETTLED.includes(record.status) || record.status === 'scanning') return record;
  const base = {
    ...record,
    verifiedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    revision: record.revision + 1,
  };
  if (rejectedFor) return { ...base, status: 'rejected', rejectedFor };
  if (record.scan) return { ...base, status: settledBy(record.scan.result) };
  return { ...base, status: scanning === 'off' ? 'clean' : 'scanning' };
}

/** The file once its scan result is in: settled if already verified, else waiting for that. */
export function afterScan(
  record: AttachmentRecord,
  result: ScanResult,
  threats: readonly string[],
  now: Date,
): AttachmentRecord {
  if (record.scan || record.status === 'rejected') return record;
  const scan = { result, at: now.toISOString(), ...(threats.length > 0 ? { threats: [...threats] } : {}) };
  const base = { ...record, scan, updatedAt: now.toISOString(), revision: record.revision + 1 };
  return record.status === 'scanning' ? { ...base, status: settledBy(result) } : base;
}

/** A failed scan keeps the file out of reach, as an infected one: nobody downloads what was not checked. */
const settledBy = (result: ScanResult): AttachmentStatus => (result === 'clean' ? 'clean' : 'infected');

/** Whether this change is the one that settled the file as infected: the one that quarantines it and tells people. */
export const becameInfected = (before: AttachmentRecord, after: AttachmentRecord) =>
  before.status !== 'infected' && after.status === 'infected';

/**
 * Who hears that a file was quarantined: whoever uploaded it (they may have an infected
 * computer), and the ticket's team (or, without one, the organisation's supervisors), at once.
 */
export function infectedNotices(ticket: TicketRecord, record: AttachmentRecord, ids: Ids, now: Date): OutboxMessage[] {
  const notice = (recipient?: Parameters<typeof notificationFor>[5]) =>
    notificationFor('attachment_infected', ticket, ids, now, record.fileName, recipient);
  const uploader =
    record.uploaderKind === 'staff' && record.uploaderId
      ? [notice({ userId: record.uploaderId })]
      : record.uploaderKind === 'requester' && requesterReachable(ticket)
        ? [notice()]
        : [];
  const staff = ticket.teamId
    ? { teamId: ticket.teamId, organisationId: ticket.organisationId }
    : { supervisorsOf: ticket.organisationId };
  return [...uploader, notice(staff)];
}

/** Whether the reader may see the file at all: requesters never see staff-only files. */
export const visibleTo = (access: TicketAccess, record: AttachmentRecord) => access.as === 'staff' || !record.internal;

/** The file a reader asks to download: only clean ones, and only those they may see (else 404, as for tickets). */
export function downloadable(access: TicketAccess, record: AttachmentRecord | undefined): AttachmentRecord {
  if (!record || record.ticketId !== access.ticket.ticketId || !visibleTo(access, record)) {
    throw new NotFound('No such file.');
  }
  if (record.status === 'clean') return record;
  if (record.status === 'infected') throw new Conflict('This file was found to carry malware and is quarantined.');
  if (record.status === 'rejected') throw new Conflict('This file was refused: it was not what it said it was.');
  throw new Conflict('This file is still being checked; try again in a moment.');
}

/**
 * The message a file came with: its uploader's last message of the same visibility written
 * before it (the portal sends the message, then its files). None for a file sent on its own.
 */
function messageOf(record: AttachmentRecord, messages: readonly MessageRecord[]): string | undefined {
  let found: MessageRecord | undefined;
  for (const message of messages) {
    const sameAuthor =
      message.authorKind === record.uploaderKind &&
      (record.uploaderId === undefined || message.authorId === record.uploaderId);
    if (!sameAuthor || message.internal !== record.internal || message.createdAt > record.createdAt) continue;
    if (!found || message.messageId > found.messageId) found = message;
  }
  return found?.messageId;
}

/** The files a reader sees, oldest first, each with the message it came with. */
export function attachmentViews(
  access: TicketAccess,
  attachments: readonly AttachmentRecord[],
  messages: readonly MessageRecord[],
): Attachment[] {
  return attachments
    .filter((record) => visibleTo(access, record))
    .toSorted((a, b) => a.createdAt.localeCompare(b.createdAt) || a.attachmentId.localeCompare(b.attachmentId))
    .map((record) => {
      const messageId = messageOf(record, messages);
      return {
        id: record.attachmentId,
        fileName: record.fileName,
        contentType: record.contentType,
        size: record.size,
        status: record.status,
        ...(record.rejectedFor ? { rejectedFor: record.rejectedFor } : {}),
        ...(messageId ? { messageId } : {}),
        internal: record.internal,
        uploadedBy: { kind: record.uploaderKind, name: record.uploaderName },
        createdAt: record.createdAt,
      };
    });
}

/** When a ticket closed at `now` has its files deleted: the organisation's retention period later. */
export const filesPurgeAt = (now: Date, retentionDays: number | undefined) =>
  new Date(now.getTime() + (retentionDays ?? DEFAULT_ATTACHMENT_RETENTION_DAYS) * 86_400_000).toISOString();

/** Whether a ticket still takes files from the guest who filed it, with the token its filing answered with. */
export const guestMayStillUpload = (ticket: TicketRecord, now: Date) =>
  now.getTime() < Date.parse(ticket.createdAt) + GUEST_UPLOAD_WINDOW_MS;
