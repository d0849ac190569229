/**
 * Loads the monthly report benchmark's month straight into the table: the counters of `tickets`
 * tickets of one organisation, all filed, answered, resolved and rated within one month, as the
 * tickets store would have added them in each change's transaction (reports `countsOfChange`
 * and `countsOfRating`, summed into items by the store's own `counterUpdates`). The report reads
 * only counters, so the tickets themselves are not written. Runs in a worker with the functions'
 * environment (lib/local/run-as-function.ts).
 */
import type { Priority } from '../contracts/vocabulary';
import { CALLBACK_SLOTS, CHANNELS, PRIORITIES, TICKET_TYPES } from '../contracts/vocabulary';
import { findOrganisation, topicLevels } from '../functions/catalogue';
import { KEYS, KIND_ATTRIBUTE, TABLE_KEYS } from '../functions/platform/table/keys';
import { putItems, type StoredItem } from '../functions/platform/table/table';
import { type Count, counterUpdates, countsOfChange, countsOfRating, type TicketFacts } from '../functions/reports';
import { DEFAULT_TIME_ZONE } from '../functions/sla/domain/index';
import { DEMO_CATALOGUE } from '../lib/local/demo-catalogue';
import { REPORT_MONTH, REPORT_ORGANISATION } from './monthly-report';

export interface ReportMonthInput {
  readonly tickets: number;
}

export interface ReportMonth {
  readonly tickets: number;
  /** Items of the month's counter partition, and of the backlog partition (one per month). */
  readonly counterItems: number;
  readonly backlogItems: number;
}

const MINUTE = 60_000;

/** A fraction in [0, 1) spread evenly over the tickets (the golden ratio's), so times fall in every range. */
const spread = (index: number, salt: number) => (index * 0.618_033_988_75 + salt) % 1;

/** 0 … `max` minutes, log-uniformly: most answers quick, some after days, as a real month's are. */
const minutesUpTo = (max: number, fraction: number) => Math.floor(Math.exp(fraction * Math.log(max + 1))) - 1;

export default async function load({ tickets }: ReportMonthInput): Promise<ReportMonth> {
  const catalogue = DEMO_CATALOGUE;
  const organisation = findOrganisation(catalogue, REPORT_ORGANISATION);
  if (!organisation?.calendar) throw new Error(`The demo catalogue has no ${REPORT_ORGANISATION} with a calendar`);
  const { calendar } = organisation;
  const timeZone = calendar.timeZone ?? DEFAULT_TIME_ZONE;
  const topics = catalogue.topics.filter((t) => t.organisationId === REPORT_ORGANISATION && t.level > 1);
  const [year, month] = REPORT_MONTH.split('-').map(Number) as [number, number];
  const iso = (ms: number) => new Date(ms).toISOString();

  const counts: Count[] = [];
  for (let index = 0; index < tickets; index++) {
    const topic = topics[index % topics.length];
    if (!topic) throw new Error('No topic');
    const context = { timeZone, calendar, topicLevels: topicLevels(catalogue, topic.id) };
    const type = TICKET_TYPES[index % TICKET_TYPES.length] ?? 'query';
    // Filed in opening hours (8:00–15:00 Madrid, UTC+1 in March) of the month's first two weeks,
    // answered within 3 days and resolved within 10 more: everything happens in the month.
    const createdAt = Date.UTC(year, month - 1, 2 + (index % 12), 7 + (index % 7), (index * 7) % 60);
    const respondedAt = createdAt + minutesUpTo(3 * 1440, spread(index, 0.1)) * MINUTE;
    const resolvedAt = respondedAt + minutesUpTo(10 * 1440, spread(index, 0.7)) * MINUTE;
    const filed: TicketFacts = {
      organisationId: REPORT_ORGANISATION,
      type,
      channel: type === 'callback' ? 'phone' : (CHANNELS[index % CHANNELS.length] ?? 'web'),
      priority: PRIORITIES[index % PRIORITIES.length] as Priority,
      topicId: topic.id,
      status: 'open',
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
      sla: {
        firstResponseDueAt: iso(createdAt + 1440 * MINUTE),
        resolutionDueAt: iso(createdAt + 5 * 1440 * MINUTE),
        pausedMinutes: 0,
      },
      ...(type === 'callback'
        ? { callback: { slot: CALLBACK_SLOTS[index % CALLBACK_SLOTS.length] ?? 'morning' } }
        : {}),
    };
    counts.push(...countsOfChange(undefined, filed, context));
    // One in twenty still waits for an answer at the month's end, one in ten more for a resolution.
    if (index % 20 === 19) continue;
    const sla = filed.sla as NonNullable<TicketFacts['sla']>;
    const answered: TicketFacts = {
      ...filed,
      status: 'in_progress',
      updatedAt: iso(respondedAt),
      sla: { ...sla, firstRespondedAt: iso(respondedAt) },
    };
    counts.push(...countsOfChange(filed, answered, context));
    if (index % 10 === 9) continue;
    const resolved: TicketFacts = {
      ...answered,
      status: 'resolved',
      updatedAt: iso(resolvedAt),
      sla: { ...sla, firstRespondedAt: iso(respondedAt), resolvedAt: iso(resolvedAt) },
    };
    counts.push(...countsOfChange(answered, resolved, context));
    // Three in five rate it, the next day.
    if (index % 5 < 3) {
      const score = (1 + ((index * 3) % 5)) as 1 | 2 | 3 | 4 | 5;
      counts.push(...countsOfRating(resolved, score, new Date(resolvedAt + 1440 * MINUTE), timeZone));
    }
  }
  const outside = counts.find((count) => count.month !== REPORT_MONTH);
  if (outside) throw new Error(`A count fell outside ${REPORT_MONTH}: ${JSON.stringify(outside)}`);

  // The store's own items: one per counter, the sums of every change's counts.
  const items: StoredItem[] = counterUpdates(REPORT_ORGANISATION, counts).map((entry) => {
    if (!('Update' in entry)) throw new Error('counterUpdates wrote something other than an Update');
    const values = entry.Update.ExpressionAttributeValues ?? {};
    return { ...entry.Update.Key, [KIND_ATTRIBUTE]: values[':kind'], count: values[':by'] };
  });
  await putItems(items);
  const backlog = KEYS.backlog.partition(REPORT_ORGANISATION);
  const backlogItems = items.filter((stored) => stored[TABLE_KEYS.partitionKey] === backlog).length;
  return { tickets, counterItems: items.length - backlogItems, backlogItems };
}
