import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readEnv } from '../env';
import { dynamoDb } from '../table/client';
import { TABLE_KEYS } from '../table/keys';

/** A client retries within a day at most; after that the record expires through the table's TTL. */
const RETRY_WINDOW_SECONDS = 24 * 60 * 60;
/**
 * What a retry must repeat exactly: the caller when signed in, the path, a guest's token and
 * the body. A key reused by someone else or for another request is refused, never replayed.
 */
const SAME_REQUEST = '[requestContext.authorizer.jwt.claims.sub, pathParameters, headers."x-ticket-token", body]';

let powertools: MiddlewareObj | undefined;

/**
 * `Idempotency-Key` support (Powertools idempotency, records in the single table). A request
 * without the header skips it entirely: no persistence layer is made and it costs none of the
 * two extra DynamoDB requests a key does.
 */
export function idempotency(): MiddlewareObj<APIGatewayProxyEventV2> {
  const keyed = (event: APIGatewayProxyEventV2) => Boolean(event.headers?.['idempotency-key']);
  return {
    before: (request) => (keyed(request.event) ? middleware().before?.(request) : undefined),
    after: async (request) => {
      if (keyed(request.event)) await middleware().after?.(request);
    },
    onError: async (request) => {
      if (keyed(request.event)) await middleware().onError?.(request);
    },
  };
}

function middleware(): MiddlewareObj {
  powertools ??= makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: readEnv('tableName').tableName,
      keyAttr: TABLE_KEYS.partitionKey,
      sortKeyAttr: TABLE_KEYS.sortKey,
      staticPkValue: 'idempotency',
      expiryAttr: TABLE_KEYS.ttl,
      awsSdkV3Client: dynamoDb,
    }),
    config: new IdempotencyConfig({
      eventKeyJmesPath: 'headers."idempotency-key"',
      payloadValidationJmesPath: SAME_REQUEST,
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: RETRY_WINDOW_SECONDS,
    }),
  });
  return powertools;
}
