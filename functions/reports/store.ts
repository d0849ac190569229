import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { queryPage, queryPartition, type TransactItem } from '../platform/table/table';
import { type Count, type CounterRow, DIMENSIONS } from './domain/index';

/**
 * The counters a change adds to, as items of its transaction: one item per counter (a
 * transaction may touch an item once, so equal counters are summed first). A month's counters
 * share its partition; the backlog's nets live in a partition of months of their own.
 */
export function counterUpdates(organisationId: string, counts: readonly Count[]): TransactItem[] {
  const sums = new Map<string, Count>();
  for (const count of counts) {
    const key = `${count.month}\n${count.dimension}\n${count.value}`;
    const sum = sums.get(key);
    sums.set(key, sum ? { ...sum, by: sum.by + count.by } : count);
  }
  return [...sums.values()]
    .filter((count) => count.by !== 0)
    .map(({ month, dimension, value, by }) => {
      const backlog = dimension === DIMENSIONS.backlog;
      return {
        Update: {
          Key: backlog
            ? { ...KEYS.backlog.month(organisationId, month) }
            : { ...KEYS.monthlyCount(organisationId, month, dimension, value) },
          UpdateExpression: 'SET #kind = :kind ADD #count :by',
          ExpressionAttributeNames: { '#kind': '_kind', '#count': 'count' },
          ExpressionAttributeValues: { ':kind': backlog ? KINDS.backlog : KINDS.monthlyCount, ':by': by },
        },
      };
    });
}

/** What a month's report reads: its counters (one Query) and every month's backlog net up to it (one Query). */
export async function readMonth(organisationId: string, month: string) {
  const counters = await queryPartition(KEYS.monthlyCounts(organisationId, month));
  const backlog: { month: string; net: number }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await queryPage({
      KeyConditionExpression: '#pk = :pk AND #sk <= :month',
      ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey, '#sk': TABLE_KEYS.sortKey },
      ExpressionAttributeValues: { ':pk': KEYS.backlog.partition(organisationId), ':month': month },
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    for (const stored of page.items) backlog.push({ month: String(stored.sk), net: Number(stored.count ?? 0) });
    start = page.lastKey;
  } while (start);
  const rows: CounterRow[] = counters.map((stored) => {
    const [dimension = '', ...value] = String(stored.sk).split('#');
    return { dimension, value: value.join('#'), count: Number(stored.count ?? 0) };
  });
  return { counters: rows, backlog, itemsRead: counters.length + backlog.length };
}
