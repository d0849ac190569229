import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/table/client';
import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { item, TABLE_NAME, type TransactItem, transact } from '../platform/table/table';
import type { OutboxMessage } from './domain/outbox';

/** Outbox items outlive their delivery by a week, for investigation, then the table's TTL removes them. */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

/**
 * The outbox item for a mail, to write in the same transaction as the change it reports; a mail
 * held until opening time waits beside it, on the sweeper's index, instead.
 */
export function outboxPut(message: OutboxMessage): TransactItem {
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
export async function claimDelivery(message: OutboxMessage, at: Date): Promise<boolean> {
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
export async function releaseDelivery(message: OutboxMessage): Promise<void> {
  await documents.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { ...KEYS.outbox(message.ticketId, message.notificationId) },
      UpdateExpression: 'REMOVE deliveredAt',
    }),
  );
}
