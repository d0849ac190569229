import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documents } from '../platform/table/client';
import { KEYS, KINDS } from '../platform/table/keys';
import { item, TABLE_NAME, type TransactItem } from '../platform/table/table';
import type { OutboxMessage } from './domain/outbox';

/** Outbox items outlive their delivery by a week, for investigation, then the table's TTL removes them. */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

/** The outbox item for a mail, to write in the same transaction as the change it reports. */
export function outboxPut(message: OutboxMessage): TransactItem {
  const ttl = Math.floor(Date.parse(message.createdAt) / 1000) + OUTBOX_RETENTION_SECONDS;
  const key = KEYS.outbox(message.ticketId, message.notificationId);
  return { Put: { Item: item(KINDS.outbox, key, { ...message, ttl }) } };
}

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
