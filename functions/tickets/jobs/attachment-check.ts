import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import { objectUrl, signedFetch } from '../../platform/aws';
import { readEnv } from '../../platform/env';
import { cryptoIds, systemClock } from '../../platform/ids';
import { Conflict } from '../../platform/kernel/errors';
import { logger } from '../../platform/observability';
import { dynamoAttachmentStore as store } from '../attachment-store';
import {
  afterScan,
  afterVerification,
  attachmentKey,
  attachmentOfKey,
  becameInfected,
  infectedNotices,
  quarantineKey,
  type ScanResult,
  scanResultOf,
  verifyStored,
} from '../domain/attachments';
import type { AttachmentRecord, TicketRecord } from '../domain/model';

const env = readEnv('attachmentsBucket', 'attachmentScanning');
const scanning = env.attachmentScanning === 'off' ? 'off' : 'guardduty';
/** Enough of a file for file-type to tell any allowed type, OOXML's first zip entries included. */
const HEAD_BYTES = 64 * 1024;
const ATTEMPTS = 5;
/** file-type, loaded on the first upload rather than at every cold start. */
let sniffer: Promise<typeof import('./sniff.lazy.js')> | undefined;

/** GuardDuty Malware Protection for S3's result, as EventBridge delivers it (the fields read here). */
interface ScanResultEvent {
  readonly source: 'aws.guardduty';
  readonly 'detail-type': string;
  readonly detail: {
    readonly s3ObjectDetails: { readonly bucketName: string; readonly objectKey: string; readonly versionId?: string };
    readonly scanResultDetails: {
      readonly scanResultStatus: string;
      readonly threats?: readonly { readonly name: string }[] | null;
    };
  };
}

const isScanResult = (event: unknown): event is ScanResultEvent =>
  (event as ScanResultEvent)?.source === 'aws.guardduty' && (event as ScanResultEvent).detail !== undefined;

/**
 * Two events per upload, in either order: the bucket's (the object was stored: verify its real
 * size and type against what was declared) and GuardDuty's scan result (clean, or infected:
 * quarantine it and tell the uploader and the team). Each changes the attachment on the
 * condition that nobody else did since it read it, trying again if someone did; a failure
 * throws, and Lambda retries the asynchronous invocation.
 */
export const handler = middy<S3Event | ScanResultEvent, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    if (isScanResult(event)) {
      const { s3ObjectDetails: object, scanResultDetails: result } = event.detail;
      if (object.bucketName !== env.attachmentsBucket) throw new Error(`Unexpected bucket ${object.bucketName}`);
      const threats = (result.threats ?? []).map((threat) => threat.name);
      await recordScan(object.objectKey, object.versionId, scanResultOf(result.scanResultStatus), threats);
      return;
    }
    for (const record of event.Records) {
      if (record.s3.bucket.name !== env.attachmentsBucket)
        throw new Error(`Unexpected bucket ${record.s3.bucket.name}`);
      // S3 event keys are URL-encoded, spaces as `+`.
      await verify(decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')), record.s3.object.versionId);
    }
  });

/** Changes the attachment with `change` until the write holds, re-reading it after each lost race. */
async function changeAttachment(
  key: string,
  versionId: string | undefined,
  change: (record: AttachmentRecord, ticket: TicketRecord) => Promise<AttachmentRecord>,
): Promise<void> {
  const named = attachmentOfKey(key);
  if (!named) {
    logger.warn('Object outside any attachment key', { key });
    return;
  }
  for (let attempt = 1; ; attempt++) {
    const { ticket, attachment } = await store.read(named.ticketId, named.attachmentId, []);
    if (!ticket || !attachment) {
      // Only this stack presigns keys here, each after recording its attachment: a defect, or data deleted since.
      logger.warn('Object of no recorded attachment', { key });
      return;
    }
    const after = await change(attachment, ticket);
    if (after === attachment) return;
    const infected = becameInfected(attachment, after);
    try {
      await store.update(
        attachment,
        after,
        infected ? infectedNotices(ticket, after, cryptoIds, systemClock.now()) : [],
      );
    } catch (error) {
      if (error instanceof Conflict && attempt < ATTEMPTS) continue;
      throw error;
    }
    logger.info('Attachment changed', {
      ticketId: after.ticketId,
      attachmentId: after.attachmentId,
      from: attachment.status,
      to: after.status,
    });
    // After the record, so a download is refused from the moment it is known; again on a retry if the move failed.
    if (after.status === 'infected') await quarantine(after, versionId);
    return;
  }
}

async function verify(key: string, versionId: string | undefined): Promise<void> {
  await changeAttachment(key, versionId, async (record) => {
    if (record.status !== 'pending') return record;
    const stored = await readHead(key);
    if (!stored) return record;
    sniffer ??= import('./sniff.lazy.js');
    const sniffed = await (await sniffer).sniff(stored.head);
    const rejectedFor = verifyStored(record, { size: stored.size, sniffed });
    if (rejectedFor) {
      logger.info('Upload is not what was declared', { key, rejectedFor, size: stored.size, sniffed });
      // Never served, so not kept: the uploader sees why and may send the right file.
      await deleteObject(key, versionId);
    }
    return afterVerification(record, rejectedFor, scanning, systemClock.now());
  });
}

async function recordScan(
  key: string,
  versionId: string | undefined,
  result: ScanResult,
  threats: readonly string[],
): Promise<void> {
  await changeAttachment(key, versionId, async (record) => {
    const after = afterScan(record, result, threats, systemClock.now());
    // A retried event finds the scan recorded: finish a quarantine an earlier attempt left half done.
    if (after === record && record.status === 'infected') await quarantine(record, versionId);
    return after;
  });
}

/** The object's first bytes and its real size (from Content-Range), or undefined if it is gone. */
async function readHead(key: string): Promise<{ head: Uint8Array; size: number } | undefined> {
  const response = await signedFetch('s3', objectUrl(env.attachmentsBucket, key), {
    headers: { range: `bytes=0-${HEAD_BYTES - 1}` },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`S3 answered ${response.status} reading ${key}`);
  const head = new Uint8Array(await response.arrayBuffer());
  const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
  return { head, size: total ? Number(total) : head.byteLength };
}

/**
 * The uploaded version itself when the event names it: the bucket is versioned, and a plain
 * delete would only hide the bytes behind a delete marker.
 */
async function deleteObject(key: string, versionId: string | undefined): Promise<void> {
  const url = `${objectUrl(env.attachmentsBucket, key)}${versionId ? `?versionId=${encodeURIComponent(versionId)}` : ''}`;
  const response = await signedFetch('s3', url, { method: 'DELETE' });
  if (!response.ok && response.status !== 404) throw new Error(`S3 answered ${response.status} deleting ${key}`);
}

/** Moves an infected file under the quarantine prefix, where nothing presigns a download. */
async function quarantine(record: AttachmentRecord, versionId: string | undefined): Promise<void> {
  const source = attachmentKey(record.ticketId, record.attachmentId);
  const target = objectUrl(env.attachmentsBucket, quarantineKey(record.ticketId, record.attachmentId));
  const copy = await signedFetch('s3', target, {
    method: 'PUT',
    headers: {
      'x-amz-copy-source': `/${env.attachmentsBucket}/${source}${versionId ? `?versionId=${encodeURIComponent(versionId)}` : ''}`,
    },
  });
  // Already moved by an earlier attempt: nothing left to do.
  if (copy.status === 404) return;
  if (!copy.ok) throw new Error(`S3 answered ${copy.status} quarantining ${source}`);
  await deleteObject(source, versionId);
  logger.warn('Attachment quarantined', { ticketId: record.ticketId, attachmentId: record.attachmentId });
}
