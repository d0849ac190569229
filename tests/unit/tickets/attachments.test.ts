import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../functions/platform/kernel/errors';
import {
  afterScan,
  afterVerification,
  attachmentOfKey,
  attachmentViews,
  becameInfected,
  declareAttachment,
  downloadable,
  infectedNotices,
  looksLikeText,
  scanResultOf,
  verifyStored,
} from '../../../functions/tickets/domain/attachments';
import { openTicket } from '../../../functions/tickets/domain/filing';
import type { MessageRecord, TicketRecord } from '../../../functions/tickets/domain/model';
import { CLIENT, citizen, citizenProfile, incident, NOW, staffAccess, world } from './world';

const TEN_MB = 10 * 1024 * 1024;
const png = { fileName: 'screen.png', contentType: 'image/png' as const, size: 2048 };

async function filed() {
  const w = world();
  const ticket = await openTicket(
    w.deps,
    { kind: 'user', caller: citizen, profile: citizenProfile, client: CLIENT },
    incident,
  );
  return { ...w, ticket, requester: { as: 'requester' as const, ticket } };
}

const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('declaring a file', () => {
  it('records it as pending, from whoever the access policy says is writing', async () => {
    const { ticket, requester } = await filed();
    expect(declareAttachment(requester, png, TEN_MB, id(1), at(1))).toMatchObject({
      ticketId: ticket.ticketId,
      status: 'pending',
      internal: false,
      uploaderKind: 'requester',
      uploaderId: 'u-citizen',
      revision: 1,
    });
    expect(declareAttachment(staffAccess(ticket), { ...png, internal: true }, TEN_MB, id(2), at(1))).toMatchObject({
      uploaderKind: 'staff',
      uploaderId: 'u-agent',
      internal: true,
    });
  });

  it('refuses staff-only files from requesters, files over the organisation’s limit, and closed tickets', async () => {
    const { ticket, requester } = await filed();
    expect(() => declareAttachment(requester, { ...png, internal: true }, TEN_MB, id(1), NOW)).toThrow(Forbidden);
    expect(() => declareAttachment(requester, { ...png, size: TEN_MB + 1 }, TEN_MB, id(1), NOW)).toThrow(
      ValidationFailed,
    );
    const closed = { as: 'requester' as const, ticket: { ...ticket, status: 'closed' as const } };
    expect(() => declareAttachment(closed, png, TEN_MB, id(1), NOW)).toThrow(Conflict);
  });
});

describe('verifying what was stored', () => {
  it('accepts the declared size with bytes of the declared type, and refuses either lie', async () => {
    const { requester } = await filed();
    const record = declareAttachment(requester, png, TEN_MB, id(1), NOW);
    expect(verifyStored(record, { size: 2048, sniffed: 'image/png' })).toBeUndefined();
    expect(verifyStored(record, { size: 2047, sniffed: 'image/png' })).toBe('size');
    expect(verifyStored(record, { size: 2048, sniffed: 'application/x-msdownload' })).toBe('type');
    expect(verifyStored(record, { size: 2048, sniffed: undefined })).toBe('type');
    const docx = declareAttachment(
      requester,
      { ...png, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      TEN_MB,
      id(2),
      NOW,
    );
    // An OOXML document whose first entries file-type cannot place is still a zip.
    expect(verifyStored(docx, { size: 2048, sniffed: 'application/zip' })).toBeUndefined();
    expect(verifyStored(docx, { size: 2048, sniffed: 'image/png' })).toBe('type');
  });

  it('calls text what has no control characters, in any encoding, and not what carries NUL bytes', () => {
    expect(looksLikeText(new TextEncoder().encode('Nom;Cognoms\r\nNúria;Puig\n\tfi'))).toBe(true);
    expect(looksLikeText(Uint8Array.from([0x4e, 0xfa, 0x72, 0x69, 0x61]))).toBe(true); // Windows-1252 "Núria"
    expect(looksLikeText(Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBe(false);
    expect(looksLikeText(new Uint8Array())).toBe(false);
  });

  it('reads only keys it made: tickets/<ticket id>/<attachment id>', () => {
    expect(attachmentOfKey(`tickets/${id(1)}/${id(2)}`)).toEqual({ ticketId: id(1), attachmentId: id(2) });
    expect(attachmentOfKey(`quarantine/${id(1)}/${id(2)}`)).toBeUndefined();
    expect(attachmentOfKey(`tickets/${id(1)}/../${id(2)}`)).toBeUndefined();
  });
});

describe('the verification and the scan, in either order', () => {
  it('settles a file when the second of the two arrives', async () => {
    const { requester } = await filed();
    const pending = declareAttachment(requester, png, TEN_MB, id(1), NOW);

    const verified = afterVerification(pending, undefined, 'guardduty', at(1));
    expect(verified.status).toBe('scanning');
    expect(afterScan(verified, 'clean', [], at(2)).status).toBe('clean');

    const scanned = afterScan(pending, 'infected', ['EICAR-Test-File'], at(1));
    expect(scanned).toMatchObject({ status: 'pending', scan: { result: 'infected', threats: ['EICAR-Test-File'] } });
    const settled = afterVerification(scanned, undefined, 'guardduty', at(2));
    expect(settled.status).toBe('infected');
    expect(becameInfected(scanned, settled)).toBe(true);
    expect(settled.revision).toBe(pending.revision + 2);
  });

  it('calls a verified file clean at once where the stage does not scan, and never calls unscanned or failed scans clean', async () => {
    const { requester } = await filed();
    const pending = declareAttachment(requester, png, TEN_MB, id(1), NOW);
    expect(afterVerification(pending, undefined, 'off', at(1)).status).toBe('clean');
    expect(scanResultOf('NO_THREATS_FOUND')).toBe('clean');
    expect(scanResultOf('THREATS_FOUND')).toBe('infected');
    expect(scanResultOf('UNSUPPORTED')).toBe('failed');
    const failed = afterScan(afterVerification(pending, undefined, 'guardduty', at(1)), 'failed', [], at(2));
    expect(failed.status).toBe('infected');
  });

  it('keeps a rejected file rejected, and changes nothing on a repeated event', async () => {
    const { requester } = await filed();
    const pending = declareAttachment(requester, png, TEN_MB, id(1), NOW);
    const rejected = afterVerification(pending, 'type', 'guardduty', at(1));
    expect(rejected).toMatchObject({ status: 'rejected', rejectedFor: 'type' });
    expect(afterScan(rejected, 'clean', [], at(2))).toBe(rejected);
    expect(afterVerification(rejected, undefined, 'guardduty', at(3))).toBe(rejected);
  });
});

describe('reading and downloading files', () => {
  const message = (ticket: TicketRecord, n: number, over: Partial<MessageRecord>): MessageRecord => ({
    ticketId: ticket.ticketId,
    messageId: `${at(n).toISOString()}#000${n}`,
    authorKind: 'requester',
    authorId: 'u-citizen',
    authorName: 'Anna',
    body: 'text',
    internal: false,
    createdAt: at(n).toISOString(),
    ...over,
  });

  it('places each file under its uploader’s last message of the same visibility before it, and hides staff-only ones from requesters', async () => {
    const { ticket, requester } = await filed();
    const first = message(ticket, 0, {});
    const note = message(ticket, 2, { authorKind: 'staff', authorId: 'u-agent', authorName: 'Jordi', internal: true });
    const answer = message(ticket, 3, { authorKind: 'staff', authorId: 'u-agent', authorName: 'Jordi' });
    const screenshot = declareAttachment(requester, png, TEN_MB, id(1), at(1));
    const log = declareAttachment(staffAccess(ticket), { ...png, internal: true }, TEN_MB, id(2), at(2.5));
    const guide = declareAttachment(staffAccess(ticket), png, TEN_MB, id(3), at(4));
    const files = [guide, log, screenshot];

    const asStaff = attachmentViews(staffAccess(ticket), files, [answer, note, first]);
    expect(asStaff.map((file) => [file.id, file.messageId])).toEqual([
      [id(1), first.messageId],
      [id(2), note.messageId],
      [id(3), answer.messageId],
    ]);
    expect(attachmentViews(requester, files, [first, answer]).map((file) => file.id)).toEqual([id(1), id(3)]);
  });

  it('hands out clean files only, and answers 404 for a staff-only file to a requester', async () => {
    const { ticket, requester } = await filed();
    const pending = declareAttachment(requester, png, TEN_MB, id(1), NOW);
    expect(() => downloadable(requester, pending)).toThrow(/still being checked/);
    const clean = { ...pending, status: 'clean' as const };
    expect(downloadable(requester, clean)).toBe(clean);
    expect(() => downloadable(requester, { ...clean, status: 'infected' })).toThrow(/malware/);
    expect(() => downloadable(requester, { ...clean, internal: true })).toThrow(NotFound);
    expect(() => downloadable(requester, undefined)).toThrow(NotFound);
    expect(downloadable(staffAccess(ticket), { ...clean, internal: true }).internal).toBe(true);
  });

  it('tells the uploader and the ticket’s team of an infected file', async () => {
    const { ticket, requester, deps } = await filed();
    const file = declareAttachment(requester, { ...png, fileName: 'factura.pdf' }, TEN_MB, id(1), NOW);
    const notices = infectedNotices(ticket, file, deps.ids, at(1));
    expect(notices.map((notice) => [notice.event, notice.recipient, notice.message])).toEqual([
      ['attachment_infected', { userId: 'u-citizen' }, 'factura.pdf'],
      ['attachment_infected', { teamId: ticket.teamId, organisationId: ticket.organisationId }, 'factura.pdf'],
    ]);
  });
});
