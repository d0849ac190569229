import { AuditEntry } from '../../contracts/admin-views';
import { Conflict, ValidationFailed } from '../platform/kernel/errors';
import { decodeCursor, encodeCursor } from '../platform/table/cursor';
import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { decode, item, queryPage, type TransactItem, transact } from '../platform/table/table';

/** A condition the change holds only while true (a topic's team still in its organisation), and the field it is about. */
export interface Reference {
  readonly path: string;
  readonly check: TransactItem;
}

/**
 * One transaction: the document at the version read, its audit line, and the references it
 * makes. A stale version (or a document created meanwhile) is a 409; a reference gone meanwhile a 400.
 */
export async function recordChange(
  write: TransactItem,
  audit: AuditEntry,
  references: readonly Reference[] = [],
): Promise<void> {
  await transact(
    [
      write,
      { Put: { Item: item(KINDS.audit, KEYS.audit.entry(audit.organisationId, audit.at, audit.id), audit) } },
      ...references.map((reference) => reference.check),
    ],
    (reasons) => {
      const gone = references.filter((_, index) => reasons[2 + index] === 'ConditionalCheckFailed');
      if (gone.length > 0 && reasons[0] !== 'ConditionalCheckFailed') {
        return new ValidationFailed(gone.map(({ path }) => ({ path, message: 'It was removed meanwhile.' })));
      }
      return new Conflict('It changed since you read it (or was created meanwhile); reload it and try again.');
    },
  );
}

/** A page of an organisation's audit, newest first: one Query. */
export async function auditPage(organisationId: string, limit: number, cursor: string | undefined) {
  const partition = KEYS.audit.partition(organisationId);
  const scope = `audit|${partition}`;
  const start = decodeCursor(cursor, scope, { [TABLE_KEYS.partitionKey]: partition }, [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
  ]);
  const page = await queryPage({
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
    ExpressionAttributeValues: { ':pk': partition },
    ScanIndexForward: false,
    Limit: limit,
    ...(start ? { ExclusiveStartKey: start } : {}),
  });
  return {
    // The schema keeps the entry's own fields, not the item's keys.
    items: page.items.map((stored) => decode(AuditEntry, stored)),
    nextCursor: encodeCursor(page.lastKey, scope),
  };
}
