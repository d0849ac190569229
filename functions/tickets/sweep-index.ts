import { OutboxMessage } from '../mail';
import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { decode, kindOf, queryPage } from '../platform/table/table';
import { TicketRecord } from './domain/model';
import type { SweepIndex } from './domain/sweep';

const { gsi4 } = TABLE_KEYS;

/**
 * The sweeper's reads of its index (gsi4), apart from the ticket store so the API functions do
 * not carry them: per organisation, everything due by now, page after page (1 MB each).
 */
export const dynamoSweepIndex: SweepIndex = {
  async dueBy(organisationId, now) {
    const tickets: TicketRecord[] = [];
    const heldMail: OutboxMessage[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await queryPage({
        IndexName: gsi4.indexName,
        KeyConditionExpression: '#pk = :pk AND #sk <= :due',
        ExpressionAttributeNames: { '#pk': gsi4.partitionKey, '#sk': gsi4.sortKey },
        ExpressionAttributeValues: {
          ':pk': KEYS.sweep.partition(organisationId),
          ':due': KEYS.sweep.dueBy(now.toISOString()),
        },
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      for (const stored of page.items) {
        const kind = kindOf(stored);
        if (kind === KINDS.ticket) tickets.push(decode(TicketRecord, stored));
        else if (kind === KINDS.heldMail) heldMail.push(decode(OutboxMessage, stored));
      }
      start = page.lastKey;
    } while (start);
    return { tickets, heldMail };
  },
};
