import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { LocalStackError } from './errors';
import { assertPortFree, LOOPBACK } from './ports';

/** The subset of s3rver@3 used here; the package ships no type declarations. */
interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
}
interface S3rverInstance {
  httpServer?: Server;
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  /** s3rver's Koa app emits `event` after each Put, Post, Copy and Delete of an object. */
  on(event: 'event', listener: (event: S3rverEvent) => void): void;
  off(event: 'event', listener: (event: S3rverEvent) => void): void;
}

/** One object change as s3rver reports it (lib/models/event.js): the key is NOT URL-encoded. */
export interface S3rverRecord {
  readonly eventName: string;
  readonly eventTime?: string;
  readonly s3: {
    readonly bucket: { readonly name: string };
    readonly object: {
      readonly key: string;
      readonly size?: number;
      readonly eTag?: string;
      readonly sequencer?: string;
    };
  };
}
export interface S3rverEvent {
  readonly Records: readonly S3rverRecord[];
}
type S3rverConstructor = new (options: S3rverOptions) => S3rverInstance;

// createRequire keeps the CommonJS package out of the ESM interop question and lets us type it here.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor;

export interface StartS3Options {
  port: number;
  /** Buckets and objects are plain files here and survive restarts. */
  dataDir: string;
}

export interface LocalS3 {
  endpoint: string;
  /**
   * Calls `listener` for each object created (`ObjectCreated:Put|Post|Copy`) or deleted
   * (`ObjectRemoved:Delete`) in any bucket, as the change happens; returns the unsubscriber.
   * A throwing listener is its own problem: s3rver's request is not affected.
   */
  onEvent(listener: (record: S3rverRecord) => void): () => void;
  stop(): Promise<void>;
}

const LABEL = 'S3 (s3rver)';

/**
 * Settings for any S3 client of the local stand-in. s3rver only knows path-style addressing and
 * only accepts the access key S3RVER. Checksums are limited to "when required" because current SDKs
 * otherwise upload stream bodies as aws-chunked with a trailing CRC, which s3rver would store
 * verbatim (chunk framing included). The same can be had through the environment with
 * AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED and AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED.
 */
export const localS3ClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  requestChecksumCalculation: 'WHEN_REQUIRED' as const,
  responseChecksumValidation: 'WHEN_REQUIRED' as const,
});

export const startS3 = async (options: StartS3Options): Promise<LocalS3> => {
  const { port } = options;
  await assertPortFree(port, LABEL);
  const directory = resolve(options.dataDir);
  mkdirSync(directory, { recursive: true });

  const server = new S3rver({ address: LOOPBACK, port, directory, silent: true });
  try {
    await server.run();
  } catch (error) {
    throw new LocalStackError(`${LABEL} could not start on port ${port}: ${(error as Error).message}`, {
      cause: error,
    });
  }

  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    onEvent(listener) {
      const forward = (event: S3rverEvent) => {
        for (const record of event.Records) {
          try {
            listener(record);
          } catch {
            // Listeners deliver asynchronously and log their own failures.
          }
        }
      };
      server.on('event', forward);
      return () => server.off('event', forward);
    },
    async stop() {
      const closing = server.close();
      // close() waits for open connections; a keep-alive SDK client would hold it open.
      server.httpServer?.closeAllConnections();
      await closing;
    },
  };
};

const isNotFound = (error: unknown): boolean =>
  error instanceof S3ServiceException && (error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);

/**
 * Creates the bucket unless it exists (data is kept between restarts) and, when origins are given,
 * sets the CORS rules the browser needs for presigned uploads and downloads.
 */
export const ensureBucket = async (endpoint: string, name: string, corsOrigins?: readonly string[]): Promise<void> => {
  const s3 = new S3Client(localS3ClientConfig(endpoint));
  try {
    try {
      await s3.send(new HeadBucketCommand({ Bucket: name }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await s3.send(new CreateBucketCommand({ Bucket: name }));
    }
    if (corsOrigins && corsOrigins.length > 0) {
      await s3.send(
        new PutBucketCorsCommand({
          Bucket: name,
          CORSConfiguration: {
            CORSRules: [
              {
                AllowedOrigins: [...corsOrigins],
                AllowedMethods: ['GET', 'HEAD', 'PUT', 'POST'],
                AllowedHeaders: ['*'],
                ExposeHeaders: ['ETag'],
                MaxAgeSeconds: 3000,
              },
            ],
          },
        }),
      );
    }
  } finally {
    s3.destroy();
  }
};

/**
 * An object key as S3 writes it in event notifications: URL-encoded like a form value (spaces as
 * `+`), the slashes between segments kept. Handlers decode it with
 * `decodeURIComponent(key.replace(/\+/g, ' '))`.
 */
export function s3EventKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

/** Whether a notification for `events` (`s3:ObjectCreated:*`, `s3:ObjectCreated:Post`, …) covers `eventName`. */
export function s3EventMatches(
  notification: { readonly events: readonly string[]; readonly prefix?: string; readonly suffix?: string },
  eventName: string,
  key: string,
): boolean {
  const name = `s3:${eventName}`;
  const named = notification.events.some((pattern) =>
    pattern.endsWith(':*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name,
  );
  return (
    named &&
    key.startsWith(notification.prefix ?? '') &&
    (notification.suffix ? key.endsWith(notification.suffix) : true)
  );
}

/** The event Lambda receives from an S3 event notification for one s3rver record. */
export function s3NotificationEvent(
  record: S3rverRecord,
  context: { readonly region: string; readonly configurationId?: string },
): unknown {
  const { bucket, object } = record.s3;
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: context.region,
        eventTime: record.eventTime ?? new Date().toISOString(),
        eventName: record.eventName,
        userIdentity: { principalId: 'AWS:LOCAL' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: {},
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: context.configurationId ?? 'local',
          bucket: { name: bucket.name, ownerIdentity: { principalId: 'LOCAL' }, arn: `arn:aws:s3:::${bucket.name}` },
          object: {
            key: s3EventKey(object.key),
            ...(object.size !== undefined ? { size: object.size } : {}),
            ...(object.eTag !== undefined ? { eTag: object.eTag } : {}),
            ...(object.sequencer !== undefined ? { sequencer: object.sequencer } : {}),
          },
        },
      },
    ],
  };
}
