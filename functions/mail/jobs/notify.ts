import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../platform/observability';
import { getProfile, type Profile, staffOf } from '../../profiles';
import { FormRequestOutboxMessage } from '../domain/form-request-outbox';
import { isFormRequestEvent, isGuest, isSupervisors, isTeam, OutboxMessage, type Recipient } from '../domain/outbox';
import { type Addressee, sendMail } from '../send';
import { sendFormRequestMail } from '../send-form-request';
import { claimDelivery, recordSuppressed, releaseDelivery, suppressedAmong } from '../store';

const processor = new BatchProcessor(EventType.DynamoDBStreams);
/** One at a time, in stream order: a ticket's mails arrive in the order they were written. */
const IN_ORDER = { processInParallel: false } as const;

/**
 * Delivers outbox items from the table's stream (the event source filter passes only new
 * outbox items). Each record is parsed by the outbox schema and delivered on its own: a
 * record that fails (malformed, or SES refused it) is reported as a batch item failure, the
 * rest of the batch is delivered, the event source mapping retries the failed one and, when
 * retries run out, sends it to the dead-letter queue. A mail already delivered by an earlier
 * attempt is not sent twice.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((event, context) => processPartialResponse(event, deliver, processor, { context, ...IN_ORDER }));

async function deliver(record: DynamoDBRecord): Promise<void> {
  const image = record.dynamodb?.NewImage;
  const item = image ? unmarshall(image as Record<string, AttributeValue>) : undefined;
  // A form request's mail carries what its own templates show: its own schema reads it.
  const parsed = isFormRequestEvent(item?.event)
    ? FormRequestOutboxMessage.safeParse(item)
    : OutboxMessage.safeParse(item);
  if (!parsed.success) {
    logger.error('Malformed outbox record', {
      sequenceNumber: record.dynamodb?.SequenceNumber,
      issues: parsed.error.issues.length,
    });
    throw new Error('Malformed outbox record');
  }
  const message = parsed.data;
  if (!(await claimDelivery(message, new Date()))) {
    logger.info('Notification already delivered', { notificationId: message.notificationId });
    return;
  }
  try {
    const verified = await addresseesOf(message.recipient);
    // Never mail an address its owner has not proved: it could be anyone's.
    if (verified.length === 0) logger.info('Notification not sent: no verified address', { event: message.event });
    // Nor one SES reported as bouncing or complaining: one batched read for all addressees.
    const suppressed = await suppressedAmong(verified.map((addressee) => addressee.email));
    const addressees = verified.filter((addressee) => !suppressed.has(addressee.email));
    if (suppressed.size > 0) {
      await recordSuppressed(message, verified.length - addressees.length);
      logger.info('Notification not sent to suppressed addresses', { event: message.event, skipped: suppressed.size });
    }
    // A form request's mail has its own templates and sender, which the ticket functions never bundle.
    for (const addressee of addressees) {
      if (isFormRequestMessage(message)) await sendFormRequestMail(message, addressee);
      else await sendMail(message, addressee);
    }
    logger.info('Notification sent', { event: message.event, ticketId: message.ticketId, to: addressees.length });
  } catch (error) {
    await releaseDelivery(message);
    logger.error('Notification not sent; will retry', { ticketId: message.ticketId, error: (error as Error).name });
    throw error;
  }
}

const isFormRequestMessage = (message: OutboxMessage | FormRequestOutboxMessage): message is FormRequestOutboxMessage =>
  'formRequest' in message;

/**
 * A guest's details travel with the mail (they prove the address by the link it carries); a
 * person's are read now, so their latest language and address apply, and only if verified; a
 * team is its members now, and an organisation's supervisors those it has now. A team mail
 * that fails part-way is retried whole, so a member may get it twice: rarer and kinder than
 * a member who never does.
 */
async function addresseesOf(recipient: Recipient): Promise<Addressee[]> {
  if (isGuest(recipient)) return [{ ...recipient, guest: true }];
  let people: Profile[];
  if (isTeam(recipient)) {
    const staff = await staffOf(recipient.organisationId);
    people = staff.filter((person) => person.staff?.teamIds.includes(recipient.teamId));
  } else if (isSupervisors(recipient)) {
    people = (await staffOf(recipient.supervisorsOf)).filter((person) => person.staff?.supervisor);
  } else {
    const profile = await getProfile(recipient.userId);
    if (!profile) throw new Error('The recipient has no profile');
    people = [profile];
  }
  return people
    .filter((person) => person.emailVerified)
    .map((person) => ({ name: person.name, email: person.email, language: person.language, guest: false }));
}
