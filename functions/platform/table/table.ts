import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type * as z from '../../../contracts/zod';
import { readEnv } from '../env';
import { documents } from './client';
import { type ItemKey, KIND_ATTRIBUTE, type Kind, TABLE_KEYS } from './keys';

/**
 * The few operations the stores make on the one table. Items come back as plain objects and
 * each store decodes them with its record schema, so what leaves a store is typed and checked.
 */
export const TABLE_NAME = readEnv('tableName').tableName;

export type StoredItem = Record<string, unknown>;
type Entry = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type WithoutTable<K extends keyof Entry> = { readonly [P in K]: Omit<NonNullable<Entry[P]>, 'TableName'> };
/** One item of a transaction on the table (which `transact` names). */
export type TransactItem =
  | WithoutTable<'Put'>
  | WithoutTable<'Update'>
  | WithoutTable<'Delete'>
  | WithoutTable<'ConditionCheck'>;

/** An item as written: its key, its kind and its attributes. */
export const item = (kind: Kind, key: ItemKey | Record<string, string>, attributes: object): StoredItem => ({
  ...attributes,
  ...key,
  [KIND_ATTRIBUTE]: kind,
});

export const kindOf = (stored: StoredItem): unknown => stored[KIND_ATTRIBUTE];

/** Parses a stored item with its record schema; a mismatch is a defect, not bad input. */
export function decode<S extends z.ZodMiniType>(schema: S, stored: StoredItem): z.output<S> {
  const result = schema.safeParse(stored);
  if (result.success) return result.data;
  const where = `${String(stored[TABLE_KEYS.partitionKey])}/${String(stored[TABLE_KEYS.sortKey])}`;
  throw new Error(`Stored item ${where} does not match its schema: ${result.error.message}`);
}

/**
 * Point reads. `consistent` for a read whose item a conditional write will follow: an
 * eventually consistent read may return the item as it was before the last write, and the
 * write would then fail its condition against a change the caller never saw.
 */
interface ReadOptions {
  readonly consistent?: boolean;
}

export async function getItem(key: ItemKey, { consistent = false }: ReadOptions = {}) {
  const { Item } = await documents.send(
    new GetCommand({ TableName: TABLE_NAME, Key: { ...key }, ConsistentRead: consistent }),
  );
  return Item as StoredItem | undefined;
}

/** Several items in one request, in the order of `keys` (undefined where missing). */
export async function getItems(
  keys: readonly ItemKey[],
  { consistent = false }: ReadOptions = {},
): Promise<(StoredItem | undefined)[]> {
  const found = new Map<string, StoredItem>();
  // BatchGetItem refuses a list with the same key twice (someone assigning a ticket to themselves).
  const unique = [...new Map(keys.map((k) => [keyString(k), { ...k }])).values()];
  await untilProcessed<Record<string, unknown>>(
    unique,
    async (pending) => {
      const { Responses, UnprocessedKeys } = await documents.send(
        new BatchGetCommand({ RequestItems: { [TABLE_NAME]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      for (const stored of Responses?.[TABLE_NAME] ?? []) found.set(keyString(stored), stored);
      return UnprocessedKeys?.[TABLE_NAME]?.Keys ?? [];
    },
    'keys',
  );
  return keys.map((k) => found.get(keyString(k)));
}

const keyString = (k: Record<string, unknown>) =>
  `${String(k[TABLE_KEYS.partitionKey])}\n${String(k[TABLE_KEYS.sortKey])}`;

/** Every item of a partition (an item collection), following pages: one request unless it passes 1 MB. */
export async function queryPartition(pk: string, { consistent = false }: ReadOptions = {}): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: consistent,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** One page of a query, and the key to start the next page from. */
export async function queryPage(
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<{ items: StoredItem[]; lastKey?: Record<string, unknown> }> {
  const page = await documents.send(new QueryCommand({ ...input, TableName: TABLE_NAME }));
  return { items: page.Items ?? [], ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}) };
}

/** Tries of a transaction that only met other transactions at work on the same items. */
const CONFLICT_ATTEMPTS = 6;

/**
 * One TransactWriteItems. When DynamoDB cancels it (a condition failed, or a concurrent
 * transaction touched the same items), `cancelled` gets each item's reason code, in order,
 * and returns the error to throw; nothing was written. A cancellation for transaction
 * conflicts alone (no condition failed: say two changes adding to the same monthly counter at
 * once) says nothing about the data, so it is tried again, a few times, after a jittered pause.
 */
export async function transact(
  items: readonly TransactItem[],
  cancelled: (reasons: readonly (string | undefined)[]) => Error,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: items.map((entry) => withTable(entry)),
        }),
      );
      return;
    } catch (error) {
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
      const reasons = ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
        (reason) => reason.Code,
      );
      const onlyConflicts =
        reasons.includes('TransactionConflict') &&
        reasons.every((code) => code === undefined || code === 'None' || code === 'TransactionConflict');
      if (!onlyConflicts || attempt >= CONFLICT_ATTEMPTS) throw cancelled(reasons);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 8 * attempt));
    }
  }
}

function withTable(entry: TransactItem): Entry {
  const [operation, input] = Object.entries(entry)[0] as [string, object];
  return { [operation]: { ...input, TableName: TABLE_NAME } };
}

/**
 * `SET` and `ADD` clauses with generated attribute names and values, and, with `when`, a
 * condition that each of those attributes still holds the given value.
 */
export function updateOf(changes: {
  set?: Record<string, unknown>;
  add?: Record<string, number>;
  when?: Record<string, unknown>;
}) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clause = (entries: [string, unknown][], prefix: string, join: (n: string, v: string) => string) =>
    entries
      .filter(([, value]) => value !== undefined)
      .map(([name, value], index) => {
        names[`#${prefix}${index}`] = name;
        values[`:${prefix}${index}`] = value;
        return join(`#${prefix}${index}`, `:${prefix}${index}`);
      });
  const set = clause(Object.entries(changes.set ?? {}), 's', (n, v) => `${n} = ${v}`);
  const add = clause(Object.entries(changes.add ?? {}), 'a', (n, v) => `${n} ${v}`);
  const when = clause(Object.entries(changes.when ?? {}), 'w', (n, v) => `${n} = ${v}`);
  return {
    UpdateExpression: [set.length ? `SET ${set.join(', ')}` : '', add.length ? `ADD ${add.join(', ')}` : '']
      .filter(Boolean)
      .join(' '),
    ...(when.length ? { ConditionExpression: when.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Writes items in batches of 25 (the BatchWriteItem limit), retrying what DynamoDB leaves unprocessed. */
export async function putItems(items: readonly StoredItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    await untilProcessed<WriteRequest>(
      items.slice(start, start + 25).map((entry) => ({ PutRequest: { Item: entry } })),
      async (pending) => {
        const { UnprocessedItems } = await documents.send(
          new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: pending } }),
        );
        return UnprocessedItems?.[TABLE_NAME] ?? [];
      },
      'writes',
    );
  }
}

/** Sends a batch, then what DynamoDB left unprocessed, backing off exponentially, until nothing is left. */
async function untilProcessed<T>(batch: T[], send: (pending: T[]) => Promise<T[]>, what: string): Promise<void> {
  let pending = batch;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 5) throw new Error(`DynamoDB left ${what} unprocessed after retries`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    pending = await send(pending);
  }
}

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
