import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { type OutboxMessage, outboxPut } from '../mail';
import { Conflict } from '../platform/kernel/errors';
import { documents } from '../platform/table/client';
import { FORM_REQUEST_KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { item, queryPage, queryPartition, type StoredItem, TABLE_NAME, transact } from '../platform/table/table';
import { nextDeadline } from './domain/requests';
import type { FormRequestEntry, FormRequestRecord } from './domain/workflow';

/**
 * Form requests in the table: the request item (with the waiting task's token, which only this
 * module and the workflow ever see) and its history lines, in one partition.
 */

/** The request as stored: the record, and the token of the task waiting for its current step. */
export interface StoredRequest {
  readonly request: FormRequestRecord;
  readonly taskToken?: string;
}

const RECORD_ATTRIBUTES = [
  'requestId',
  'departmentId',
  'departmentName',
  'petition',
  'step',
  'templates',
  'parameters',
  'urls',
  'stepStartedAt',
  'remindAt',
  'dueAt',
  'remindedAt',
  'escalatedAt',
  'executionName',
  'createdAt',
  'updatedAt',
  'version',
] as const;

const recordOf = (stored: StoredItem): FormRequestRecord =>
  Object.fromEntries(
    RECORD_ATTRIBUTES.filter((name) => stored[name] !== undefined).map((name) => [name, stored[name]]),
  ) as unknown as FormRequestRecord;

function requestItem({ request, taskToken }: StoredRequest): StoredItem {
  const deadline = nextDeadline(request);
  return item(KINDS.formRequest, FORM_REQUEST_KEYS.item(request.requestId), {
    ...request,
    ...(taskToken ? { taskToken } : {}),
    ...FORM_REQUEST_KEYS.byDepartment(request.departmentId, request.createdAt, request.requestId),
    ...FORM_REQUEST_KEYS.all(request.createdAt, request.requestId),
    ...(deadline ? FORM_REQUEST_KEYS.deadline(deadline, request.requestId) : {}),
  });
}

const entryPut = (entry: FormRequestEntry, id: string) => ({
  Put: {
    Item: item(KINDS.formRequestEntry, FORM_REQUEST_KEYS.entry(entry.requestId, entry.at, id), entry),
  },
});

const changed = () => new Conflict('The request changed meanwhile; read it again.');

/** The request and its history, oldest first, in one Query. */
export async function readRequest(requestId: string): Promise<{ stored?: StoredRequest; history: FormRequestEntry[] }> {
  const items = await queryPartition(FORM_REQUEST_KEYS.partition(requestId), { consistent: true });
  const head = items.find((stored) => stored[TABLE_KEYS.sortKey] === '#REQUEST');
  const history = items
    .filter((stored) => String(stored[TABLE_KEYS.sortKey]).startsWith('HISTORY#'))
    .map(
      (stored) =>
        Object.fromEntries(
          Object.entries(stored).filter(([name]) => !name.startsWith('_') && name !== 'pk' && name !== 'sk'),
        ) as unknown as FormRequestEntry,
    );
  return {
    ...(head
      ? {
          stored: {
            request: recordOf(head),
            ...(typeof head.taskToken === 'string' ? { taskToken: head.taskToken } : {}),
          },
        }
      : {}),
    history,
  };
}

/** Just the request item, for the workflow's jobs. */
export async function readRecord(requestId: string): Promise<StoredRequest | undefined> {
  const { Item } = await documents.send(
    new GetCommand({ TableName: TABLE_NAME, Key: FORM_REQUEST_KEYS.item(requestId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  return { request: recordOf(Item), ...(typeof Item.taskToken === 'string' ? { taskToken: Item.taskToken } : {}) };
}

/** A new request and its first history line. */
export async function createRequest(request: FormRequestRecord, entry: FormRequestEntry, entryId: string) {
  await transact(
    [
      { Put: { Item: requestItem({ request }), ConditionExpression: 'attribute_not_exists(pk)' } },
      entryPut(entry, entryId),
    ],
    changed,
  );
}

/** Takes a request whose execution could not start back out: no request without a workflow. */
export async function deleteRequest(request: FormRequestRecord, entry: FormRequestEntry, entryId: string) {
  await Promise.all([
    documents.send(new DeleteCommand({ TableName: TABLE_NAME, Key: FORM_REQUEST_KEYS.item(request.requestId) })),
    documents.send(
      new DeleteCommand({ TableName: TABLE_NAME, Key: FORM_REQUEST_KEYS.entry(request.requestId, entry.at, entryId) }),
    ),
  ]);
}

/**
 * Saves a request at the version it was read at, with a history line and mails, in one
 * transaction. `taskToken` is what the item keeps: the waiting task's token, or none once an
 * action has used it (so a second call for the same step cannot use it again).
 */
export async function saveRequest(
  previousVersion: number,
  next: StoredRequest,
  writes: { readonly entry?: { entry: FormRequestEntry; id: string }; readonly notices?: readonly OutboxMessage[] },
): Promise<void> {
  await transact(
    [
      {
        Put: {
          Item: requestItem(next),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': previousVersion },
        },
      },
      ...(writes.entry ? [entryPut(writes.entry.entry, writes.entry.id)] : []),
      ...(writes.notices ?? []).map(outboxPut),
    ],
    changed,
  );
}

/** Requests newest first: a department's own, or all of them (at most 100; ordinary volumes are a few a month). */
export async function listRequests(departmentId?: string): Promise<FormRequestRecord[]> {
  const index = departmentId ? TABLE_KEYS.gsi1 : TABLE_KEYS.gsi2;
  const { items } = await queryPage({
    IndexName: index.indexName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.partitionKey },
    ExpressionAttributeValues: {
      ':pk': departmentId ? FORM_REQUEST_KEYS.departmentPartition(departmentId) : FORM_REQUEST_KEYS.allPartition,
    },
    ScanIndexForward: false,
    Limit: 100,
  });
  return items.map(recordOf);
}

/** Requests whose reminder or deadline has come by `at`. */
export async function dueRequests(at: string): Promise<string[]> {
  const { items } = await queryPage({
    IndexName: TABLE_KEYS.gsi4.indexName,
    KeyConditionExpression: '#pk = :pk AND #sk <= :sk',
    ExpressionAttributeNames: { '#pk': TABLE_KEYS.gsi4.partitionKey, '#sk': TABLE_KEYS.gsi4.sortKey },
    ExpressionAttributeValues: { ':pk': FORM_REQUEST_KEYS.deadlinePartition, ':sk': `${at}#~` },
    ProjectionExpression: 'requestId',
  });
  return items.map((stored) => String(stored.requestId));
}

/** Puts back a request whose step the workflow refused to take, without the history line that said it had. */
export async function restoreRequest(
  movedVersion: number,
  original: StoredRequest,
  entry: { entry: FormRequestEntry; id: string },
): Promise<void> {
  await transact(
    [
      {
        Put: {
          Item: requestItem(original),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': movedVersion },
        },
      },
      { Delete: { Key: FORM_REQUEST_KEYS.entry(entry.entry.requestId, entry.entry.at, entry.id) } },
    ],
    changed,
  );
}
