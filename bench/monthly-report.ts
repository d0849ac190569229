import { resolve } from 'node:path';
import { CALLBACK_SLOTS, CHANNELS, PRIORITIES, TICKET_TYPES } from '../contracts/vocabulary';
import { BUCKET_COUNT, CALLBACK_COUNTS, MEASURES, TICKET_COUNTS } from '../functions/reports/domain/index';
import { DEMO_CATALOGUE } from '../lib/local/demo-catalogue';
import { runAsFunction } from '../lib/local/run-as-function';
import type { LocalEndpoints } from '../lib/local/stack';
import type { BenchContext } from './operations';
import type { ReportMonth, ReportMonthInput } from './report-month';
import type { ReportCall, ReportReadsInput } from './report-reads';

/** Hèstia, of the demo catalogue: its calendar measures business times, and it has the most topics. */
export const REPORT_ORGANISATION = 'hestia';
/** A past month, so no ticket filed by the other operations of the benchmark adds to it. */
export const REPORT_MONTH = '2026-03';
/** Tickets of the month, and warm calls of the report measured (after the one that loads the catalogue). */
export const REPORT_TICKETS = 10_000;
const WARM_CALLS = 30;

/**
 * The report's requests: the caller's profile (which organisations they may read) and the two
 * Queries of its store, the month's counters and the backlog's months. The catalogue is the
 * instance's cached one.
 */
export const REPORT_REQUESTS = 3;

/** Writes the counters of the month's `REPORT_TICKETS` tickets (bench/report-month.ts); re-running it changes nothing. */
export const loadReportMonth = (endpoints: LocalEndpoints) =>
  runAsFunction<ReportMonth>(
    resolve(import.meta.dirname, 'report-month.ts'),
    { tickets: REPORT_TICKETS } satisfies ReportMonthInput,
    { ...endpoints.functionEnvironment },
  );

/**
 * The most items the report can read, whatever the number of tickets: the caller's profile; the
 * month's counters, at most one item per (dimension, value) pair, every pair from a bounded set
 * (functions/reports/domain/counts.ts) — for Hèstia 4 + 6 + 4 + 5 + 6 level-1 topics + 4
 * level-2 topics + 4 + 2 × 190 histogram buckets + 5 + 3 + 2 = 423; and the backlog's nets, one
 * item per month of the organisation's history up to the month (here the month alone): 425.
 */
function itemsBound(organisationId: string, backlogMonths: number) {
  const topics = DEMO_CATALOGUE.topics.filter((t) => t.organisationId === organisationId || t.organisationId === null);
  const counters =
    Object.keys(TICKET_COUNTS).length + // received, resolved, closed, reopened
    TICKET_TYPES.length +
    CHANNELS.length +
    PRIORITIES.length +
    topics.filter((t) => t.level === 1).length +
    topics.filter((t) => t.level === 2).length +
    2 * Object.keys(MEASURES).length + // measured and within target, of first responses and resolutions
    2 * BUCKET_COUNT + // the histograms of first-response and resolution times
    5 + // satisfaction scores
    Object.keys(CALLBACK_COUNTS).length +
    CALLBACK_SLOTS.length;
  return { profile: 1, counters, backlogMonths, total: 1 + counters + backlogMonths };
}

export interface MonthlyReportFigures {
  readonly organisationId: string;
  readonly month: string;
  readonly tickets: number;
  /** Items written: the month's counters, and the backlog's months. */
  readonly counterItems: number;
  readonly backlogItems: number;
  /** Per warm call: the most items read and DynamoDB requests made, and the handler's own time at p50. */
  readonly itemsRead: number;
  readonly dynamoDbRequests: number;
  readonly handlerP50Ms: number;
  /** The first call of the instance, which also loads the catalogue. */
  readonly cold: ReportCall;
  readonly maxItemsRead: number;
  readonly maxItemsReadOf: ReturnType<typeof itemsBound>;
  readonly targetMisses: string[];
}

/**
 * The monthly report of a month of `REPORT_TICKETS` tickets: the items it reads must be bounded
 * by the counters' bounded set, not follow the tickets, and its requests stay
 * `REPORT_REQUESTS`. Its requests and latency through the gateway are the operation
 * "monthly report, 10 000 tickets" (bench/operations.ts).
 */
export async function measureMonthlyReport(context: BenchContext): Promise<MonthlyReportFigures> {
  const month = await loadReportMonth(context.endpoints);
  const [cold, ...warm] = await runAsFunction<ReportCall[]>(
    resolve(import.meta.dirname, 'report-reads.ts'),
    {
      token: await context.token('admin'),
      organisationId: REPORT_ORGANISATION,
      month: REPORT_MONTH,
      calls: 1 + WARM_CALLS,
    } satisfies ReportReadsInput,
    { ...context.endpoints.functionEnvironment, AWS_LAMBDA_FUNCTION_NAME: 'reports' },
  );
  if (!cold) throw new Error('The report was not called');
  const itemsRead = Math.max(...warm.map((call) => call.itemsRead));
  const dynamoDbRequests = Math.max(...warm.map((call) => call.dynamoDbRequests));
  const times = warm.map((call) => call.ms).sort((a, b) => a - b);
  const bound = itemsBound(REPORT_ORGANISATION, month.backlogItems);
  const wrong = [cold, ...warm].filter((call) => call.status !== 200 || call.received !== REPORT_TICKETS);
  const targetMisses = [
    ...(itemsRead > bound.total ? [`${itemsRead} items read > ${bound.total}`] : []),
    ...(dynamoDbRequests > REPORT_REQUESTS ? [`${dynamoDbRequests} DynamoDB requests > ${REPORT_REQUESTS}`] : []),
    ...(wrong.length > 0
      ? [
          `${wrong.length} calls answered otherwise than 200 with ${REPORT_TICKETS} received: ${JSON.stringify(wrong[0])}`,
        ]
      : []),
  ];
  return {
    organisationId: REPORT_ORGANISATION,
    month: REPORT_MONTH,
    tickets: month.tickets,
    counterItems: month.counterItems,
    backlogItems: month.backlogItems,
    itemsRead,
    dynamoDbRequests,
    handlerP50Ms: times[Math.floor(times.length / 2)] ?? 0,
    cold,
    maxItemsRead: bound.total,
    maxItemsReadOf: bound,
    targetMisses,
  };
}
