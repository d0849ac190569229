import { createHash } from 'node:crypto';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LANGUAGES, type Language } from '../../contracts/vocabulary';
import { documents } from '../platform/table/client';
import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { getItem, getItems, item, TABLE_NAME, type TransactItem, transact } from '../platform/table/table';
import type { FormRequestOutboxMessage } from './domain/form-request-outbox';
import type { OutboxMessage } from './domain/outbox';
import type { RepliedTicket } from './domain/replies';

/** Outbox items outlive their delivery by a week, for investigation, then the table's TTL removes them. */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

/**
 * The outbox item for a mail, to write in the same transaction as the change it reports; a mail
 * held until opening time waits beside it, on the sweeper's index, instead.
 */
export function outboxPut(message: OutboxMessage | FormRequestOutboxMessage): TransactItem {
  const ttl = Math.floor(Date.parse(message.createdAt) / 1000) + OUTBOX_RETENTION_SECONDS;
  if (message.holdUntil && message.organisationId) {
    const key = KEYS.heldMail(message.ticketId, message.notificationId);
    const sweep = KEYS.sweep.entry(message.organisationId, message.holdUntil, message.notificationId);
    return { Put: { Item: item(KINDS.heldMail, key, { ...message, ...sweep }) } };
  }
  const { holdUntil: _, ...sendable } = message;
  const key = KEYS.outbox(message.ticketId, message.notificationId);
  return { Put: { Item: item(KINDS.outbox, key, { ...sendable, ttl }) } };
}

/**
 * Lets a held mail go: it moves to the outbox (and the stream sends it) in one transaction, so
 * two sweeps at once send it once. False if another sweep had released it already.
 */
export async function releaseHeldMail(message: OutboxMessage): Promise<boolean> {
  const { holdUntil: _, ...released } = message;
  try {
    await transact(
      [
        outboxPut(released),
        {
          Delete: {
            Key: { ...KEYS.heldMail(message.ticketId, message.notificationId) },
            ConditionExpression: 'attribute_exists(#pk)',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
          },
        },
      ],
      () => new HeldMailGone(),
    );
    return true;
  } catch (error) {
    if (error instanceof HeldMailGone) return false;
    throw error;
  }
}

class HeldMailGone extends Error {}

/**
 * Marks a mail as being delivered, unless it was already: streams deliver at least once (a
 * retried batch repeats the records after a failed one), and a requester should get one mail.
 */
export async function claimDelivery(message: OutboxMessage | FormRequestOutboxMessage, at: Date): Promise<boolean> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: { ...KEYS.outbox(message.ticketId, message.notificationId) },
        UpdateExpression: 'SET deliveredAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deliveredAt)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Gives a claimed mail back after a failed send, so the retry sends it. */
export async function releaseDelivery(message: OutboxMessage | FormRequestOutboxMessage): Promise<void> {
  await documents.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { ...KEYS.outbox(message.ticketId, message.notificationId) },
      UpdateExpression: 'REMOVE deliveredAt',
    }),
  );
}

/** Addresses are compared lower-cased and keyed by their hash: keys carry no personal data. */
const addressHash = (address: string): string =>
  createHash('sha256').update(address.trim().toLowerCase()).digest('hex');

export type SuppressionReason = 'bounce' | 'complaint';

/**
 * Stops mail to an address SES reported as permanently bouncing or complaining. One item per
 * address: a later event overwrites it with the latest reason; it is kept until removed by hand.
 */
export async function suppressAddress(address: string, reason: SuppressionReason, detail: string, at: string) {
  const key = KEYS.mailSuppression(addressHash(address));
  await documents.send(
    new PutCommand({
      TableName: TABLE_NAME,
      Item: item(KINDS.mailSuppression, key, { email: address.trim().toLowerCase(), reason, detail, at }),
    }),
  );
}

/** Which of these addresses are suppressed: one BatchGetItem for a whole team. */
export async function suppressedAmong(addresses: readonly string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const found = await getItems(addresses.map((address) => KEYS.mailSuppression(addressHash(address))));
  return new Set(addresses.filter((_, index) => found[index] !== undefined));
}

/** Notes on the outbox item how many addressees were skipped as suppressed, for investigation. */
export async function recordSuppressed(
  message: OutboxMessage | FormRequestOutboxMessage,
  count: number,
): Promise<void> {
  await documents.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { ...KEYS.outbox(message.ticketId, message.notificationId) },
      UpdateExpression: 'SET suppressedAddressees = :count',
      ExpressionAttributeValues: { ':count': count },
    }),
  );
}

/** An automatic answer is kept two days, past the day it counts for; then the table's TTL removes it. */
const ANSWER_RETENTION_SECONDS = 2 * 24 * 60 * 60;

/**
 * Claims the one automatic answer a sender may get about a ticket (or about no known ticket)
 * on `day`: a conditional put, so two replies processed at once still get one answer.
 */
export async function claimAutoAnswer(sender: string, ticketRef: string, day: string, at: Date): Promise<boolean> {
  try {
    await documents.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: item(KINDS.autoAnswer, KEYS.autoAnswer(addressHash(sender), day, ticketRef), {
          answeredAt: at.toISOString(),
          [TABLE_KEYS.ttl]: Math.floor(at.getTime() / 1000) + ANSWER_RETENTION_SECONDS,
        }),
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Gives the day's answer back when it could not be sent, so a retry sends it. */
export async function releaseAutoAnswer(sender: string, ticketRef: string, day: string): Promise<void> {
  await documents.send(
    new DeleteCommand({ TableName: TABLE_NAME, Key: { ...KEYS.autoAnswer(addressHash(sender), day, ticketRef) } }),
  );
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

/**
 * What an automatic answer needs of a ticket, read from its item without taking the ticket's
 * schema: the tickets feature has no public index, and mail reads nothing else of it (never
 * the subject, description or fields). Undefined for an unknown ticket.
 */
export async function ticketForAnswer(
  ticketId: string,
  profileOf: (userId: string) => Promise<{ email: string; emailVerified: boolean; language: Language } | undefined>,
): Promise<RepliedTicket | undefined> {
  const stored = await getItem(KEYS.ticket.item(ticketId));
  if (!stored || typeof stored.number !== 'string' || typeof stored.requesterId !== 'string') return undefined;
  const guest = stored.guest as { email?: unknown; language?: unknown } | undefined;
  if (guest) {
    if (typeof guest.email !== 'string' || !isLanguage(guest.language)) return undefined;
    return { ticketId, number: stored.number, language: guest.language, requesterEmail: guest.email, guest: true };
  }
  const profile = await profileOf(stored.requesterId);
  return {
    ticketId,
    number: stored.number,
    language: profile?.language ?? 'ca',
    // Only a proved address stands for the requester.
    ...(profile?.emailVerified ? { requesterEmail: profile.email } : {}),
    guest: false,
  };
}
