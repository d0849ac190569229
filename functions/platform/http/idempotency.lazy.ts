import {
  IdempotencyConfig,
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
} from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import type { MiddlewareObj } from '@middy/core';

type RecordOptions = ConstructorParameters<typeof IdempotencyRecord>[0];

/** An idempotency record as the table keeps it. */
export interface StoredRecord {
  readonly status: string;
  /** Epoch seconds; also the item's TTL. */
  readonly expiry?: number;
  /** Epoch milliseconds after which an in-progress record may be taken over. */
  readonly inProgressExpiry?: number;
  readonly response?: unknown;
  readonly payloadHash?: string;
}

/** What Powertools' persistence layer asks of the table. */
export interface RecordStore {
  get(key: string): Promise<StoredRecord | undefined>;
  /** Writes unless a live record holds the key; then says so and returns it. */
  putUnlessLive(key: string, record: StoredRecord, now: number): Promise<{ refused: boolean; existing?: StoredRecord }>;
  update(key: string, record: StoredRecord): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Powertools' persistence contract over the single table's own client (handed in as
 * `RecordStore`), with the rule of its DynamoDB layer: a key is taken unless a live record
 * holds it. This module imports no AWS SDK, so it can be a file of its own, loaded on the first
 * request with an Idempotency-Key (lib/bundling.ts).
 */
class TablePersistenceLayer extends BasePersistenceLayer {
  constructor(private readonly records: RecordStore) {
    super();
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const stored = await this.records.get(idempotencyKey);
    if (!stored) throw new IdempotencyItemNotFoundError();
    return toRecord(idempotencyKey, stored);
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const { refused, existing } = await this.records.putUnlessLive(
      record.idempotencyKey,
      fromRecord(record),
      Date.now(),
    );
    if (refused) {
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        existing && toRecord(record.idempotencyKey, existing),
      );
    }
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    await this.records.update(record.idempotencyKey, fromRecord(record));
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    await this.records.delete(record.idempotencyKey);
  }
}

const fromRecord = (record: IdempotencyRecord): StoredRecord => ({
  status: record.getStatus(),
  ...(record.expiryTimestamp !== undefined ? { expiry: record.expiryTimestamp } : {}),
  ...(record.inProgressExpiryTimestamp !== undefined ? { inProgressExpiry: record.inProgressExpiryTimestamp } : {}),
  ...(record.responseData !== undefined ? { response: record.responseData } : {}),
  ...(record.payloadHash !== undefined ? { payloadHash: record.payloadHash } : {}),
});

const toRecord = (idempotencyKey: string, stored: StoredRecord) =>
  new IdempotencyRecord({
    idempotencyKey,
    status: stored.status as RecordOptions['status'],
    expiryTimestamp: stored.expiry,
    inProgressExpiryTimestamp: stored.inProgressExpiry,
    responseData: stored.response as RecordOptions['responseData'],
    payloadHash: stored.payloadHash,
  });

/** Powertools' idempotency middleware over the given records. */
export function idempotencyMiddleware(
  records: RecordStore,
  options: { eventKey: string; sameRequest: string; expiresAfterSeconds: number },
): MiddlewareObj {
  return makeHandlerIdempotent({
    persistenceStore: new TablePersistenceLayer(records),
    config: new IdempotencyConfig({
      eventKeyJmesPath: options.eventKey,
      payloadValidationJmesPath: options.sameRequest,
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: options.expiresAfterSeconds,
    }),
  });
}
