/**
 * Attribute and index names of the one DynamoDB table. The CDK table and the runtime
 * entities both read them from here, so a renamed key cannot deploy half-way.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Requester's tickets, newest first. */
  gsi1: { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Agent queues by organisation/team, ordered by due time. */
  gsi2: { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** Epoch seconds after which DynamoDB may delete the item. */
  ttl: 'ttl',
} as const;

export const GLOBAL_INDEXES = [TABLE_KEYS.gsi1, TABLE_KEYS.gsi2] as const;

/**
 * How the table's stream recognises new outbox items: ElectroDB writes the entity name in
 * `__edb_e__`. The CDK event-source filter and the local stream poller both match on it.
 */
export const OUTBOX_ENTITY = { name: 'outbox', attribute: '__edb_e__' } as const;
