import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, S3Event, SNSEvent } from 'aws-lambda';
import { ENV } from '../../functions/platform/env';
import { localS3ClientConfig } from './s3';

/**
 * The two mail event sources the local mirror has no stand-in for, fed by hand (`npm run
 * mail:inbound`, `npm run mail:feedback`) or by tests, through the very handlers and event
 * shapes AWS uses: SES's receipt rule writing a raw reply to S3 and the bucket's S3 event, and
 * the configuration set's bounce or complaint on SNS. Run with a function's environment
 * (`runAsFunction`, or the tests' local-env), so handlers reach the local services.
 */

const context = (functionName: string) => ({ functionName, awsRequestId: randomUUID() }) as Context;

/**
 * Stores a raw MIME message as SES would (`inbound/<message id>`) and delivers the bucket's event,
 * waiting for the answer. A running local stack delivers the object's event too: S3 delivers at
 * least once, and the answer's daily claim makes a second delivery send nothing.
 */
export async function feedInboundMail(raw: string | Buffer): Promise<{ key: string }> {
  const bucket = process.env[ENV.inboundMailBucket];
  const endpoint = process.env.AWS_ENDPOINT_URL_S3;
  if (!bucket || !endpoint) throw new Error(`Run with the local functions' environment (${ENV.inboundMailBucket})`);
  const key = `inbound/${randomUUID()}`;
  const s3 = new S3Client(localS3ClientConfig(endpoint));
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: raw }));
  } finally {
    s3.destroy();
  }
  const event = {
    Records: [
      {
        eventSource: 'aws:s3',
        eventName: 'ObjectCreated:Put',
        s3: { bucket: { name: bucket }, object: { key, size: Buffer.byteLength(raw) } },
      },
    ],
  } as unknown as S3Event;
  const { handler } = await import('../../functions/mail/jobs/inbound');
  await handler(event, context('mailInbound'));
  return { key };
}

export type FeedbackKind = 'bounce' | 'complaint';

/** Publishes a permanent bounce or a complaint for `address` as SES's configuration set does, on SNS. */
export async function feedSesFeedback(kind: FeedbackKind, address: string): Promise<void> {
  const timestamp = new Date().toISOString();
  const mail = { messageId: randomUUID(), timestamp, destination: [address] };
  const message =
    kind === 'bounce'
      ? {
          eventType: 'Bounce',
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'General',
            bouncedRecipients: [{ emailAddress: address, action: 'failed', status: '5.1.1' }],
            timestamp,
            feedbackId: randomUUID(),
          },
          mail,
        }
      : {
          eventType: 'Complaint',
          complaint: {
            complainedRecipients: [{ emailAddress: address }],
            complaintFeedbackType: 'abuse',
            timestamp,
            feedbackId: randomUUID(),
          },
          mail,
        };
  const event = {
    Records: [{ EventSource: 'aws:sns', Sns: { MessageId: randomUUID(), Message: JSON.stringify(message) } }],
  } as unknown as SNSEvent;
  const { handler } = await import('../../functions/mail/jobs/feedback');
  await handler(event, context('mailFeedback'));
}

export type MailEventInput =
  | { readonly source: 'inbound'; readonly raw: string }
  | { readonly source: 'feedback'; readonly kind: FeedbackKind; readonly address: string };

/** Entry point for `runAsFunction` (bin/mail.ts). */
export default async function feed(input: MailEventInput): Promise<string> {
  if (input.source === 'inbound') return `Delivered ${(await feedInboundMail(input.raw)).key}`;
  await feedSesFeedback(input.kind, input.address);
  return `Recorded a ${input.kind} for ${input.address}`;
}
