import type { MiddlewareObj, Request } from '@middy/core';
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
let powertools: Promise<MiddlewareObj> | undefined;

/**
 * `Idempotency-Key` support (Powertools idempotency, records in the single table). Loaded
 * only when a request carries the header: calls without it pay neither the library's cold
 * start nor the two extra DynamoDB requests a key costs.
 */
export function idempotency(): MiddlewareObj {
  const active = new WeakMap<Request, MiddlewareObj>();
  const inner = (request: Request) => active.get(request);
  return {
    before: async (request) => {
      if (!(request.event as { headers?: Record<string, string> }).headers?.['idempotency-key']) return;
      powertools ??= load();
      const middleware = await powertools;
      active.set(request, middleware);
      return middleware.before?.(request);
    },
    after: async (request) => {
      await inner(request)?.after?.(request);
    },
    onError: async (request) => {
      await inner(request)?.onError?.(request);
    },
  };
}

async function load(): Promise<MiddlewareObj> {
  const [{ IdempotencyConfig }, { DynamoDBPersistenceLayer }, { makeHandlerIdempotent }] = await Promise.all([
    import('@aws-lambda-powertools/idempotency'),
    import('@aws-lambda-powertools/idempotency/dynamodb'),
    import('@aws-lambda-powertools/idempotency/middleware'),
  ]);
  return makeHandlerIdempotent({
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
}
