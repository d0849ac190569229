import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { logger } from '../../platform/observability';
import { SesFeedback, suppressionsOf } from '../domain/feedback';
import { suppressAddress } from '../store';

/**
 * SES bounce and complaint events, from the configuration set's SNS topic: each permanently
 * bouncing or complaining address is suppressed, and the notify job mails it no more. A
 * message that is not a bounce or complaint is logged and dropped (retrying cannot mend it);
 * a failed write throws, and Lambda retries the asynchronous invocation.
 */
export const handler = middy<SNSEvent, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    for (const record of event.Records) {
      const parsed = SesFeedback.safeParse(parseJson(record.Sns.Message));
      if (!parsed.success) {
        logger.warn('SES event ignored: not a bounce or complaint', { messageId: record.Sns.MessageId });
        continue;
      }
      const suppressions = suppressionsOf(parsed.data);
      for (const { address, reason, detail, at } of suppressions) await suppressAddress(address, reason, detail, at);
      logger.info('SES feedback recorded', { eventType: parsed.data.eventType, suppressed: suppressions.length });
    }
  });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
