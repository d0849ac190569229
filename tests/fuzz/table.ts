import { type AttributeValue, DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';

type Item = Record<string, AttributeValue>;

/** JSON with object keys sorted, so two equal items always print the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/**
 * The mailer marks outbox items as delivered from the table's stream, after the response that
 * wrote them and while later requests run. That write is the mailer's, not the request's, so
 * snapshots leave it out; a request that writes an outbox item still shows as a new item.
 */
function withoutDelivery(item: Item): Item {
  if (item._kind?.S !== 'outbox') return item;
  const { deliveredAt: _deliveredAt, ...rest } = item;
  return rest;
}

/** The whole table as a sorted multiset of items. */
export type Snapshot = readonly string[];

export function tableOf(endpoint: string, region: string, tableName: string) {
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    async snapshot(): Promise<Snapshot> {
      const items: string[] = [];
      for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true })) {
        for (const item of page.Items ?? []) items.push(canonical(withoutDelivery(item)));
      }
      return items.sort();
    },
    close: () => client.destroy(),
  };
}

/** Items only in `after` (written) and only in `before` (overwritten or deleted); empty when equal. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const count = new Map<string, number>();
  for (const item of before) count.set(item, (count.get(item) ?? 0) + 1);
  const written: string[] = [];
  for (const item of after) {
    const left = count.get(item) ?? 0;
    if (left > 0) count.set(item, left - 1);
    else written.push(`+ ${item}`);
  }
  const gone = [...count].flatMap(([item, n]) => Array<string>(n).fill(`- ${item}`));
  return [...written, ...gone];
}
