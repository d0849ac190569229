import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import { objectUrl, signedFetch } from '../../platform/aws';
import { readEnv } from '../../platform/env';
import { logger } from '../../platform/observability';
import { getProfile } from '../../profiles';
import { renderAutoAnswer } from '../domain/answers';
import { answerDay, autoAnswerFor, replyDomainOf, replyVerdict, ticketIdOf } from '../domain/replies';
import { parseInbound } from '../inbound-headers';
import { deliverMail, portalLinks } from '../send';
import { claimAutoAnswer, releaseAutoAnswer, suppressedAmong, ticketForAnswer } from '../store';

const env = readEnv('inboundMailBucket', 'mailFrom');
const replyDomain = replyDomainOf(env.mailFrom);
const OURS = { senders: [env.mailFrom], domains: [replyDomain] };
/** The header section of any real mail fits; the rest (text, attachments) is never read. */
const HEADER_BYTES = 64 * 1024;

/**
 * Replies to notification mails, stored raw by SES's receipt rule (S3 event). Nothing of a
 * reply is added to its ticket: its sender gets one automatic answer saying so, with where to
 * follow the ticket, at most once a day per sender and ticket, and only if a person wrote it.
 * A failure throws, and Lambda retries the asynchronous invocation.
 */
export const handler = middy<S3Event, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    for (const record of event.Records) await answer(record.s3.bucket.name, record.s3.object.key);
  });

async function answer(bucket: string, encodedKey: string): Promise<void> {
  // S3 event keys are URL-encoded, spaces as `+`.
  const key = decodeURIComponent(encodedKey.replace(/\+/g, ' '));
  if (bucket !== env.inboundMailBucket) throw new Error(`Unexpected bucket ${bucket}`);
  const mail = await parseInbound(await readHead(bucket, key));
  const verdict = replyVerdict(mail, OURS);
  if (!verdict.answer || !mail.from) {
    logger.info('Inbound mail not answered', { key, reason: verdict.answer ? 'no-sender' : verdict.reason });
    return;
  }
  const from = mail.from;
  if ((await suppressedAmong([from])).size > 0) {
    logger.info('Inbound mail not answered', { key, reason: 'suppressed' });
    return;
  }
  const ticketId = ticketIdOf(mail.recipients, replyDomain);
  const reply = autoAnswerFor(ticketId ? await ticketForAnswer(ticketId, getProfile) : undefined, from);
  // Generic answers share one daily slot per sender, so made-up ticket ids cannot multiply them.
  const ticketRef = reply.kind === 'generic' ? 'generic' : reply.ticketId;
  const now = new Date();
  const day = answerDay(now);
  if (!(await claimAutoAnswer(from, ticketRef, day, now))) {
    logger.info('Inbound mail not answered', { key, reason: 'answered-today' });
    return;
  }
  const content = renderAutoAnswer(reply, portalLinks());
  try {
    await deliverMail(from, content.language, content, { autoSubmitted: 'auto-replied' });
  } catch (error) {
    await releaseAutoAnswer(from, ticketRef, day);
    throw error;
  }
  logger.info('Inbound mail answered', { key, kind: reply.kind });
}

/** The first bytes of the stored message. */
async function readHead(bucket: string, key: string): Promise<Buffer> {
  const response = await signedFetch('s3', objectUrl(bucket, key), {
    headers: { range: `bytes=0-${HEADER_BYTES - 1}` },
  });
  if (!response.ok) throw new Error(`S3 answered ${response.status} for the inbound mail`);
  return Buffer.from(await response.arrayBuffer());
}
