import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENTS_PER_TICKET } from '../../contracts/attachments';
import type { Attachment, AttachmentUpload, DownloadLink, GuestTicketCreated } from '../../contracts/tickets-views';
import { objectUrl, presignedGet, signedFetch } from '../../functions/platform/aws';
import { ENV } from '../../functions/platform/env';
import { KEYS } from '../../functions/platform/table/keys';
import { decode, getItem } from '../../functions/platform/table/table';
import { dynamoAttachmentStore } from '../../functions/tickets/attachment-store';
import { attachmentKey, quarantineKey } from '../../functions/tickets/domain/attachments';
import { TicketRecord } from '../../functions/tickets/domain/model';
import { api, newUser } from '../support/api';
import { outboxOf } from '../support/mail';
import { fileAs, fileAsGuest, portalIncident, type TicketBody } from '../support/tickets';

/**
 * Files travel between the browser and S3 directly (sources 000 and 002 ask for screenshots):
 * the API signs an upload held to what was declared, the stored object is verified (its real
 * size, its bytes' type) and scanned (the local stand-in for GuardDuty finds the EICAR test
 * file), and only clean files are handed out, to the people who may read the ticket.
 */

/** The smallest valid PNG: a 1×1 transparent pixel. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000105e5274fca0000000049454e44ae426082',
  'hex',
);
/** The antivirus industry's harmless test file: every scanner must flag it. */
const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
/** A Windows executable's first bytes, as a file claiming to be a PNG would carry them. */
const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(PNG.length - 2, 0x90)]);

const bucket = () => process.env[ENV.attachmentsBucket] as string;

type Caller = { as: string } | { token: string } | { headers: Record<string, string> };

const declare = (ticketId: string, who: Caller, body: Record<string, unknown>, guest = false) =>
  api<AttachmentUpload>('POST', `${guest ? '/public' : ''}/tickets/${ticketId}/attachments`, { ...who, body });

/** Uploads as a browser would: the policy's fields, then the file, as multipart/form-data. */
async function upload(grant: AttachmentUpload, bytes: Buffer | string, contentType: string): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.upload.fields)) form.append(name, value);
  form.append(
    'file',
    new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: contentType }),
    'file',
  );
  const response = await fetch(grant.upload.url, { method: 'POST', body: form });
  await response.body?.cancel();
  return response.status;
}

/** Reads the ticket until the file is settled (verified and scanned, or refused). */
async function settled(ticketId: string, attachmentId: string, who: Caller, guest = false): Promise<Attachment> {
  for (let tries = 0; tries < 100; tries++) {
    const read = await api<TicketWithFiles>('GET', `${guest ? '/public' : ''}/tickets/${ticketId}`, who);
    const file = read.body.attachments?.find((candidate) => candidate.id === attachmentId);
    if (file && !['pending', 'scanning'].includes(file.status)) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Attachment ${attachmentId} never settled`);
}
type TicketWithFiles = TicketBody & { attachments?: Attachment[] };

/** Declares, uploads and waits: the whole of what a citizen's browser does for one file. */
async function attach(ticketId: string, who: Caller, fileName: string, contentType: string, bytes: Buffer | string) {
  const size = Buffer.byteLength(bytes);
  const declared = await declare(ticketId, who, { fileName, contentType, size });
  expect(declared.status).toBe(201);
  expect(await upload(declared.body, bytes, contentType)).toBe(204);
  return { grant: declared.body, file: await settled(ticketId, declared.body.attachmentId, who) };
}

const objectExists = async (key: string) => {
  const response = await signedFetch('s3', objectUrl(bucket(), key), { method: 'HEAD' });
  return response.status === 200;
};

describe('attachments', () => {
  it('takes a screenshot, verifies and scans it, and hands it to the requester and the agent for a minute', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const { grant, file } = await attach(ticket.id, { as: 'citizen' }, 'captura pantalla.png', 'image/png', PNG);
    expect(grant.upload.fields.key).toBe(attachmentKey(ticket.id, grant.attachmentId));
    expect(file).toMatchObject({
      fileName: 'captura pantalla.png',
      contentType: 'image/png',
      size: PNG.length,
      status: 'clean',
      internal: false,
      uploadedBy: { kind: 'requester', name: 'Núria Puig i Ferrer' },
      // The portal files the ticket, then its files: they belong to its first message.
      messageId: expect.any(String),
    });

    for (const as of ['citizen', 'agent']) {
      const link = await api<DownloadLink>('GET', `/tickets/${ticket.id}/attachments/${grant.attachmentId}`, {
        as,
        headers: { accept: 'application/json' },
      });
      expect(link.status).toBe(200);
      const downloaded = await fetch(link.body.url);
      expect(downloaded.headers.get('content-disposition')).toBe(
        `attachment; filename="captura pantalla.png"; filename*=UTF-8''captura%20pantalla.png`,
      );
      expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(PNG);
    }

    // API clients get a redirect to the same kind of link.
    const redirect = await api('GET', `/tickets/${ticket.id}/attachments/${grant.attachmentId}`, {
      as: 'citizen',
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toMatch(/X-Amz-Expires=60/);
  });

  it('refuses a file larger than the organisation takes, or of a type not allowed, before presigning and recording anything', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const tooLarge = await declare(
      ticket.id,
      { as: 'citizen' },
      {
        fileName: 'video.png',
        contentType: 'image/png',
        size: 10 * 1024 * 1024 + 1,
      },
    );
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toMatchObject({ errors: [{ path: 'size', message: expect.stringMatching(/10 MB/) }] });

    const executable = await declare(
      ticket.id,
      { as: 'citizen' },
      {
        fileName: 'setup.exe',
        contentType: 'application/x-msdownload',
        size: 1000,
      },
    );
    expect(executable.status).toBe(400);
    expect(executable.body).toMatchObject({ errors: [{ path: 'contentType' }] });

    const folders = await declare(
      ticket.id,
      { as: 'citizen' },
      {
        fileName: '../../etc/passwd',
        contentType: 'text/plain',
        size: 10,
      },
    );
    expect(folders.status).toBe(400);

    const read = await api<TicketWithFiles>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(read.body.attachments).toEqual([]);
  });

  it('rejects and deletes an upload whose bytes are not the declared type, or whose size is not the declared one', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const lying = await attach(ticket.id, { as: 'citizen' }, 'photo.png', 'image/png', EXECUTABLE);
    expect(lying.file).toMatchObject({ status: 'rejected', rejectedFor: 'type' });
    expect(await objectExists(attachmentKey(ticket.id, lying.grant.attachmentId))).toBe(false);

    // S3 enforces the policy's size; the local stand-in does not, so the stored size is checked too.
    const declared = await declare(
      ticket.id,
      { as: 'citizen' },
      {
        fileName: 'notes.txt',
        contentType: 'text/plain',
        size: 500,
      },
    );
    await upload(declared.body, 'Only a few bytes.', 'text/plain');
    const shorter = await settled(ticket.id, declared.body.attachmentId, { as: 'citizen' });
    expect(shorter).toMatchObject({ status: 'rejected', rejectedFor: 'size' });

    const download = await api('GET', `/tickets/${ticket.id}/attachments/${lying.grant.attachmentId}`, {
      as: 'citizen',
    });
    expect(download.status).toBe(409);
  });

  it('quarantines the EICAR test file, never hands it out, and tells the uploader and the team', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const { grant, file } = await attach(ticket.id, { as: 'citizen' }, 'eicar.txt', 'text/plain', EICAR);
    expect(file.status).toBe('infected');

    const download = await api('GET', `/tickets/${ticket.id}/attachments/${grant.attachmentId}`, { as: 'agent' });
    expect(download.status).toBe(409);
    expect(download.body).toMatchObject({ detail: expect.stringMatching(/malware/) });
    // The file is refused from the moment it is known infected; the move follows at once.
    await expect.poll(() => objectExists(attachmentKey(ticket.id, grant.attachmentId))).toBe(false);
    expect(await objectExists(quarantineKey(ticket.id, grant.attachmentId))).toBe(true);

    const notices = (await outboxOf(ticket.id)).filter((mail) => mail.event === 'attachment_infected');
    expect(notices.map((mail) => mail.recipient)).toEqual([
      { userId: expect.any(String) },
      { teamId: expect.any(String), organisationId: 'dipu' },
    ]);
    expect(notices[0]?.message).toBe('eicar.txt');
  });

  it('answers 404 to people who may not read the ticket, and 409 for a file not yet uploaded and scanned', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const stranger = await newUser();
    const token = await stranger.token();
    const body = { fileName: 'mine.png', contentType: 'image/png', size: PNG.length };
    expect((await declare(ticket.id, { token }, body)).status).toBe(404);

    const declared = await declare(ticket.id, { as: 'citizen' }, body);
    const path = `/tickets/${ticket.id}/attachments/${declared.body.attachmentId}`;
    expect((await api('GET', path, { token })).status).toBe(404);
    const early = await api('GET', path, { as: 'citizen' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ detail: expect.stringMatching(/still being checked/) });
  });

  it('lets a download link expire: S3 refuses it after its minute', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const { grant } = await attach(ticket.id, { as: 'citizen' }, 'shot.png', 'image/png', PNG);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    const stale = await presignedGet(bucket(), attachmentKey(ticket.id, grant.attachmentId), 60, {}, twoMinutesAgo);
    const response = await fetch(stale);
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/expired/i);
  });

  it('keeps staff-only files from the requester, and refuses them to requesters', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const body = { fileName: 'server log.txt', contentType: 'text/plain', size: 20, internal: true };
    const refused = await declare(ticket.id, { as: 'citizen' }, body);
    expect(refused.status).toBe(403);

    const note = await api('POST', `/tickets/${ticket.id}/messages`, {
      as: 'agent',
      body: { body: 'Log of the failing request attached.', internal: true },
    });
    expect(note.status).toBe(201);
    const declared = await declare(ticket.id, { as: 'agent' }, body);
    expect(await upload(declared.body, 'GET /index 500 12ms\n', 'text/plain')).toBe(204);
    const asAgent = await settled(ticket.id, declared.body.attachmentId, { as: 'agent' });
    expect(asAgent).toMatchObject({ status: 'clean', internal: true, uploadedBy: { kind: 'staff' } });

    const asRequester = await api<TicketWithFiles>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(asRequester.body.attachments?.map((file) => file.id)).not.toContain(declared.body.attachmentId);
    const path = `/tickets/${ticket.id}/attachments/${declared.body.attachmentId}`;
    expect((await api('GET', path, { as: 'citizen' })).status).toBe(404);
  });

  it('lets a guest upload with the token their filing answered with, and download with their access token', async () => {
    const { ticket, token } = await fileAsGuest();
    const uploadToken = (ticket as unknown as GuestTicketCreated).uploadToken;
    expect(uploadToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const body = { fileName: 'error.png', contentType: 'image/png', size: PNG.length };

    const forged = await declare(
      ticket.id,
      { headers: { 'x-upload-token': `${uploadToken.slice(0, -4)}AAAA` } },
      body,
      true,
    );
    expect(forged.status).toBe(404);
    const declared = await declare(ticket.id, { headers: { 'x-upload-token': uploadToken } }, body, true);
    expect(declared.status).toBe(201);
    expect(await upload(declared.body, PNG, 'image/png')).toBe(204);

    const guest = { headers: { 'x-ticket-token': token } };
    const file = await settled(ticket.id, declared.body.attachmentId, guest, true);
    expect(file.status).toBe('clean');
    const link = await api<DownloadLink>('GET', `/public/tickets/${ticket.id}/attachments/${file.id}`, {
      headers: { 'x-ticket-token': token, accept: 'application/json' },
    });
    expect(link.status).toBe(200);
    const redirect = await api('GET', `/public/tickets/${ticket.id}/attachments/${file.id}`, {
      ...guest,
      redirect: 'manual',
    });
    expect(redirect.status).toBe(302);
    // The upload token opens nothing else: not the ticket, not its files.
    const reading = await api('GET', `/public/tickets/${ticket.id}`, { headers: { 'x-ticket-token': uploadToken } });
    expect(reading.status).toBe(404);
    const fileByUploadToken = await api('GET', `/public/tickets/${ticket.id}/attachments/${file.id}`, {
      headers: { 'x-ticket-token': uploadToken },
    });
    expect(fileByUploadToken.status).toBe(404);

    // Guests keep no files to staff; a file not yet uploaded cannot be had; a closed ticket takes no more.
    expect((await declare(ticket.id, guest, { ...body, internal: true }, true)).status).toBe(403);
    const waiting = await declare(ticket.id, guest, body, true);
    const early = await api('GET', `/public/tickets/${ticket.id}/attachments/${waiting.body.attachmentId}`, guest);
    expect(early.status).toBe(409);
    const read = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    await api('PATCH', `/tickets/${ticket.id}`, {
      as: 'agent',
      body: { status: 'closed' },
      headers: { 'if-match': `"${read.body.version}"` },
    });
    const closed = await declare(ticket.id, guest, body, true);
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ detail: expect.stringMatching(/closed/) });
  });

  it('deletes a closed ticket’s files, wherever they are, with their records, when its retention ends', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const clean = await attach(ticket.id, { as: 'citizen' }, 'shot.png', 'image/png', PNG);
    const infected = await attach(ticket.id, { as: 'citizen' }, 'eicar.txt', 'text/plain', EICAR);
    await expect.poll(() => objectExists(quarantineKey(ticket.id, infected.grant.attachmentId))).toBe(true);
    const read = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    const closing = await api('PATCH', `/tickets/${ticket.id}`, {
      as: 'agent',
      body: { status: 'closed' },
      headers: { 'if-match': `"${read.body.version}"` },
    });
    expect(closing.status).toBe(200);
    // The sweeper comes back for it after the organisation's retention (two years here): tests/unit/tickets/sweep.test.ts.
    const stored = decode(TicketRecord, (await getItem(KEYS.ticket.item(ticket.id), { consistent: true })) ?? {});
    expect(Date.parse(stored.filesPurgeAt ?? '') - Date.now()).toBeGreaterThan(729 * 86_400_000);

    expect(await dynamoAttachmentStore.purge(ticket.id)).toBe(2);
    expect(await objectExists(attachmentKey(ticket.id, clean.grant.attachmentId))).toBe(false);
    expect(await objectExists(quarantineKey(ticket.id, infected.grant.attachmentId))).toBe(false);
    const after = await api<TicketWithFiles>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    expect(after.body.attachments).toEqual([]);
    expect(
      (await api('GET', `/tickets/${ticket.id}/attachments/${clean.grant.attachmentId}`, { as: 'agent' })).status,
    ).toBe(404);
  });

  it(`takes at most ${MAX_ATTACHMENTS_PER_TICKET} files per ticket, even when the last ones are declared at once`, async () => {
    const ticket = await fileAs('citizen', portalIncident({ subject: `Many files ${randomUUID().slice(0, 8)}` }));
    const body = { fileName: 'page.png', contentType: 'image/png', size: PNG.length };
    for (let file = 0; file < MAX_ATTACHMENTS_PER_TICKET - 2; file++) {
      expect((await declare(ticket.id, { as: 'citizen' }, body)).status).toBe(201);
    }
    const last = await Promise.all(Array.from({ length: 5 }, () => declare(ticket.id, { as: 'citizen' }, body)));
    expect(last.map((answer) => answer.status).toSorted()).toEqual([201, 201, 409, 409, 409]);
    expect(last.find((answer) => answer.status === 409)?.body).toMatchObject({
      detail: expect.stringMatching(`at most ${MAX_ATTACHMENTS_PER_TICKET} files`),
    });
  });
});
