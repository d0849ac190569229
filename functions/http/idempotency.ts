import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { readEnv } from '../shared/env';
import { dynamoDb } from '../store/dynamodb-client';
import { TABLE_KEYS } from '../store/keys';

/** A client retries within a day at most; after that the record expires through the table's TTL. */
const RETRY_WINDOW_SECONDS = 24 * 60 * 60;

let persistenceStore: DynamoDBPersistenceLayer | undefined;

/**
 * `Idempotency-Key` support for creating calls (Powertools, records in the single table).
 * Without the header a call is not deduplicated and costs no extra DynamoDB request.
 * `validateJmesPath` names what a retry must repeat exactly (the body, and the caller when
 * signed in), so a key reused by someone else or for another body is refused, never replayed.
 */
export function idempotent(validateJmesPath: string) {
  persistenceStore ??= new DynamoDBPersistenceLayer({
    tableName: readEnv('tableName').tableName,
    keyAttr: TABLE_KEYS.partitionKey,
    sortKeyAttr: TABLE_KEYS.sortKey,
    staticPkValue: 'idempotency',
    expiryAttr: TABLE_KEYS.ttl,
    awsSdkV3Client: dynamoDb,
  });
  return makeHandlerIdempotent({
    persistenceStore,
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'headers."idempotency-key"',
      payloadValidationJmesPath: validateJmesPath,
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: RETRY_WINDOW_SECONDS,
    }),
  });
}
