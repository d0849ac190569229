import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Notification } from '../domain/tickets/notifications';
import { logger } from '../http/observability';
import { sendNotificationMail } from '../mail/send-mail';

/**
 * Delivers outbox items from the table's stream (the event source filter passes only new
 * outbox items). A failed send is reported per record, so only that mail is retried.
 */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (!image) continue;
      const notification = unmarshall(image as Record<string, AttributeValue>) as Notification;
      try {
        await sendNotificationMail(notification);
        logger.info('Notification sent', { event: notification.event, ticketId: notification.ticketId });
      } catch (error) {
        logger.error('Notification not sent; will retry', {
          ticketId: notification.ticketId,
          error: (error as Error).name,
        });
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      }
    }
    return { batchItemFailures };
  });
