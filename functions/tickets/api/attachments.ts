import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_ATTACHMENT_MAX_BYTES, type NewAttachment } from '../../../contracts/attachments';
import { ATTACHMENT_ROUTES } from '../../../contracts/routes/attachments';
import type { AttachmentUpload } from '../../../contracts/tickets-views';
import { findOrganisation, loadCatalogue } from '../../catalogue';
import { presignedGet, presignedPost } from '../../platform/aws';
import { readEnv } from '../../platform/env';
import { byRoute } from '../../platform/http/handler';
import { created, ok, reply } from '../../platform/http/responses';
import { cryptoIds, systemClock } from '../../platform/ids';
import { NotFound } from '../../platform/kernel/errors';
import { dynamoAttachmentStore as store } from '../attachment-store';
import { accessAsGuest, accessAsUser, mayBeStaff, type TicketAccess } from '../domain/access';
import {
  attachmentKey,
  DOWNLOAD_SECONDS,
  declareAttachment,
  downloadable,
  guestMayStillUpload,
  UPLOAD_SECONDS,
} from '../domain/attachments';
import type { AttachmentRecord, TicketRecord } from '../domain/model';
import { uploadToken } from './upload-token';

const { attachmentsBucket: bucket } = readEnv('attachmentsBucket');

/**
 * Files go to S3 and come from it directly; this function only decides who may and signs the
 * way: an upload policy held to the declared size and type at a key of its choosing, and a
 * download link valid for a minute once the file is clean. One BatchGet to decide, and for an
 * upload one transaction to record the file.
 */
export const handler = byRoute(ATTACHMENT_ROUTES, {
  'POST /tickets/{ticketId}/attachments': {
    run: async ({ params, body, caller }) => {
      const { ticket, profiles } = await store.read(params.ticketId, undefined, staffIds(caller));
      const grant = await attach(accessAsUser(caller, profiles.get(caller.userId), ticket), body);
      return created(grant, `/tickets/${params.ticketId}/attachments/${grant.attachmentId}`);
    },
  },

  'GET /tickets/{ticketId}/attachments/{attachmentId}': {
    run: async ({ params, headers, caller }) => {
      const { ticket, attachment, profiles } = await store.read(params.ticketId, params.attachmentId, staffIds(caller));
      return download(accessAsUser(caller, profiles.get(caller.userId), ticket), attachment, headers.accept);
    },
  },

  'POST /public/tickets/{ticketId}/attachments': {
    run: async ({ params, body, headers }) => {
      const { ticket } = await store.read(params.ticketId, undefined, []);
      const access = headers['x-upload-token']
        ? justFiled(ticket, headers['x-upload-token'])
        : accessAsGuest(ticket, headers['x-ticket-token'], cryptoIds);
      const grant = await attach(access, body);
      return created(grant, `/public/tickets/${params.ticketId}/attachments/${grant.attachmentId}`);
    },
  },

  'GET /public/tickets/{ticketId}/attachments/{attachmentId}': {
    run: async ({ params, headers }) => {
      const { ticket, attachment } = await store.read(params.ticketId, params.attachmentId, []);
      return download(accessAsGuest(ticket, headers['x-ticket-token'], cryptoIds), attachment, headers.accept);
    },
  },
});

/** Only people in a staff group may need their profile read: the policy ignores anyone else's. */
const staffIds = (caller: Parameters<typeof mayBeStaff>[0]) => (mayBeStaff(caller) ? [caller.userId] : []);

/** Records the declared file and signs its upload: exactly its size, its type, its key. */
async function attach(access: TicketAccess, input: NewAttachment): Promise<AttachmentUpload> {
  const now = systemClock.now();
  const organisation = findOrganisation(await loadCatalogue(), access.ticket.organisationId);
  const maxBytes = organisation?.attachments.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  const record = declareAttachment(access, input, maxBytes, cryptoIds.uuid(), now);
  await store.declare(record);
  const expiresAt = new Date(now.getTime() + UPLOAD_SECONDS * 1000);
  const upload = await presignedPost(
    bucket,
    attachmentKey(record.ticketId, record.attachmentId),
    [['content-length-range', record.size, record.size]],
    { 'Content-Type': record.contentType },
    expiresAt,
  );
  return { attachmentId: record.attachmentId, upload, expiresAt: expiresAt.toISOString() };
}

/** A redirect to the file, or the link itself for a browser that will follow it by navigating. */
async function download(access: TicketAccess, attachment: AttachmentRecord | undefined, accept: string | undefined) {
  const file = downloadable(access, attachment);
  const url = await presignedGet(bucket, attachmentKey(file.ticketId, file.attachmentId), DOWNLOAD_SECONDS, {
    'response-content-disposition': contentDisposition(file.fileName),
    'response-content-type': file.contentType,
  });
  if (accept?.includes('application/json')) {
    return ok({ url, expiresAt: new Date(systemClock.now().getTime() + DOWNLOAD_SECONDS * 1000).toISOString() });
  }
  return reply(302, undefined, { location: url });
}

/** Saved under its own name, never shown inline: an ASCII fallback and the UTF-8 name (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The guest who has just filed, by the upload token their filing answered with: for an hour, uploads only. */
function justFiled(ticket: TicketRecord | undefined, token: string): TicketAccess {
  if (!ticket?.guest || !guestMayStillUpload(ticket, systemClock.now())) throw new NotFound('No such ticket.');
  const expected = Buffer.from(uploadToken(ticket));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new NotFound('No such ticket.');
  return { as: 'guest', ticket };
}
