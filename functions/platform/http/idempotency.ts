import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { documents } from '../table/client';
import { KEYS, KINDS } from '../table/keys';
import { item, TABLE_NAME, updateOf } from '../table/table';
import type { RecordStore, StoredRecord } from './idempotency.lazy';

/** A client retries within a day at most; after that the record expires through the table's TTL. */
const RETRY_WINDOW_SECONDS = 24 * 60 * 60;
/**
 * What a retry must repeat exactly: the caller when signed in, the path, a guest's token and
 * the body. A key reused by someone else or for another request is refused, never replayed.
 */
const SAME_REQUEST = '[requestContext.authorizer.jwt.claims.sub, pathParameters, headers."x-ticket-token", body]';
/**
 * Keys are the client's, scoped to the route and to who calls (the signed-in person, or the
 * guest's token), so one client's key never meets another's request.
 */
const KEY = '[routeKey, requestContext.authorizer.jwt.claims.sub, headers."x-ticket-token", headers."idempotency-key"]';
/** Set once this request holds its key: only then may a failure release it. */
const HOLDS_KEY = 'finestreta.idempotency.holdsKey';

const withTtl = (record: StoredRecord) => ({ ...record, ...(record.expiry ? { ttl: record.expiry } : {}) });

const records: RecordStore = {
  async get(key) {
    const { Item } = await documents.send(
      new GetCommand({ TableName: TABLE_NAME, Key: { ...KEYS.idempotency(key) }, ConsistentRead: true }),
    );
    return Item as StoredRecord | undefined;
  },
  async putUnlessLive(key, record, now) {
    try {
      await documents.send(
        new PutCommand({
          TableName: TABLE_NAME,
          Item: item(KINDS.idempotency, KEYS.idempotency(key), withTtl(record)),
          // A new key, an expired record, or one left in progress by an invocation that died.
          ConditionExpression:
            'attribute_not_exists(pk) OR expiry < :now OR (#status = :inProgress AND inProgressExpiry < :nowMillis)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':now': now / 1000, ':nowMillis': now, ':inProgress': 'INPROGRESS' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { refused: false };
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      // The document client does not translate the item a failed condition returns.
      const held = (error as { Item?: Record<string, AttributeValue> }).Item;
      return { refused: true, ...(held ? { existing: unmarshall(held) as StoredRecord } : {}) };
    }
  },
  async update(key, record) {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: { ...KEYS.idempotency(key) },
        ...updateOf({ set: withTtl(record) }),
      }),
    );
  },
  async delete(key) {
    await documents.send(new DeleteCommand({ TableName: TABLE_NAME, Key: { ...KEYS.idempotency(key) } }));
  },
};

let powertools: Promise<MiddlewareObj> | undefined;

/**
 * `Idempotency-Key` support: Powertools idempotency over the single table. The library and its
 * JMESPath engine are a file of their own, loaded on the first request that carries the header;
 * a request without one skips all of it, so neither that code nor the two extra DynamoDB
 * requests a key costs fall on calls that do not ask for it.
 */
export function idempotency(): MiddlewareObj<APIGatewayProxyEventV2> {
  const keyed = (event: APIGatewayProxyEventV2) => Boolean(event.headers?.['idempotency-key']);
  const middleware = () => {
    powertools ??= import('./idempotency.lazy.js').then(({ idempotencyMiddleware }) =>
      idempotencyMiddleware(records, {
        eventKey: KEY,
        sameRequest: SAME_REQUEST,
        expiresAfterSeconds: RETRY_WINDOW_SECONDS,
      }),
    );
    return powertools;
  };
  return {
    before: async (request) => {
      if (!keyed(request.event)) return undefined;
      const replay = await (await middleware()).before?.(request);
      (request.internal as Record<string, unknown>)[HOLDS_KEY] = true;
      return replay;
    },
    after: async (request) => {
      if (keyed(request.event)) await (await middleware()).after?.(request);
    },
    // Powertools deletes the key's record on any error, even one its own `before` raised for a
    // key another request holds (a reuse, a retry still in progress): that would erase the
    // first request's record and let its next retry run again. Only a holder releases it.
    onError: async (request) => {
      if (keyed(request.event) && (request.internal as Record<string, unknown>)[HOLDS_KEY])
        await (await middleware()).onError?.(request);
    },
  };
}
