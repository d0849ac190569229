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
