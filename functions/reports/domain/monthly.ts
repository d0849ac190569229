import type { MonthlyReport } from '../../../contracts/reports-views';
import { CALLBACK_SLOTS, CHANNELS, PRIORITIES, TICKET_TYPES } from '../../../contracts/vocabulary';
import { CALLBACK_COUNTS, DIMENSIONS, type Dimension, MEASURES, TICKET_COUNTS } from './counts';
import { MAX_RELATIVE_ERROR, percentile } from './histogram';

/** One counter of the month, as the store reads it. */
export interface CounterRow {
  readonly dimension: string;
  readonly value: string;
  readonly count: number;
}

export interface MonthlyReportInput {
  readonly organisationId: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly timeZone: string;
  /** Every counter of the month (backlog nets, if any are among them, are ignored: see `backlogNets`). */
  readonly counters: readonly CounterRow[];
  /** Every month's backlog net up to this month; later months may be included, and are ignored. */
  readonly backlogNets: readonly { readonly month: string; readonly net: number }[];
  /** A topic's name in the reader's language, and its level; undefined once the catalogue no longer has it. */
  readonly topic: (id: string) => { readonly name: string; readonly level: number } | undefined;
}

/** The town hall's commitment: an average rating of at least 4 out of 5. */
export const SATISFACTION_TARGET = 4;

const SCORES = ['1', '2', '3', '4', '5'] as const;

/** Rounded to `decimals`, so figures read 66.7 and not 66.66666666666667. */
const rounded = (value: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
};

/** `part / whole` in percent, one decimal; null when there is no whole. */
const percent = (part: number, whole: number) => (whole === 0 ? null : rounded((100 * part) / whole, 1));

type Counters = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Counters by dimension, then value; rows of the same counter summed. */
function counterMap(rows: readonly CounterRow[]): Counters {
  const map = new Map<string, Map<string, number>>();
  for (const { dimension, value, count } of rows) {
    const values = map.get(dimension) ?? new Map<string, number>();
    values.set(value, (values.get(value) ?? 0) + count);
    map.set(dimension, values);
  }
  return map;
}

/**
 * An organisation's indicators for one month, read from its counters (see `countsOfChange`).
 * Tallies list only what was counted: the vocabulary's keys in its order, topics level 1 then
 * level 2, each by count (most first) then id. A topic the catalogue no longer has keeps its id as
 * its name and the level it was counted at. The backlog is every month's net up to this one.
 */
export function monthlyReport(input: MonthlyReportInput): MonthlyReport {
  const counters = counterMap(input.counters);
  const count = (dimension: Dimension, value: string) => counters.get(dimension)?.get(value) ?? 0;
  const tally = <K extends string>(dimension: Dimension, keys: readonly K[]) =>
    keys.filter((key) => count(dimension, key) !== 0).map((key) => ({ key, count: count(dimension, key) }));

  const topicsAt = (dimension: Dimension, level: 1 | 2) =>
    [...(counters.get(dimension) ?? [])]
      .filter(([, n]) => n !== 0)
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, n]) => ({ id, level, name: input.topic(id)?.name ?? id, count: n }));

  const times = (measure: Dimension, histogram: Dimension) => {
    const buckets = counters.get(histogram) ?? new Map<string, number>();
    const measured = count(measure, MEASURES.measured);
    const withinTarget = count(measure, MEASURES.withinTarget);
    return {
      count: measured,
      medianMinutes: percentile(buckets, 0.5),
      p90Minutes: percentile(buckets, 0.9),
      withinTarget,
      compliancePercent: percent(withinTarget, measured),
    };
  };

  const distribution = {
    1: count(DIMENSIONS.satisfaction, '1'),
    2: count(DIMENSIONS.satisfaction, '2'),
    3: count(DIMENSIONS.satisfaction, '3'),
    4: count(DIMENSIONS.satisfaction, '4'),
    5: count(DIMENSIONS.satisfaction, '5'),
  };
  const ratings = SCORES.reduce((sum, score) => sum + count(DIMENSIONS.satisfaction, score), 0);
  const points = SCORES.reduce((sum, score) => sum + Number(score) * count(DIMENSIONS.satisfaction, score), 0);

  const answered = count(DIMENSIONS.callbacks, CALLBACK_COUNTS.answered);
  const answeredInSlot = count(DIMENSIONS.callbacks, CALLBACK_COUNTS.answeredInSlot);

  return {
    organisationId: input.organisationId,
    month: input.month,
    timeZone: input.timeZone,
    received: {
      total: count(DIMENSIONS.tickets, TICKET_COUNTS.received),
      byType: tally(DIMENSIONS.type, TICKET_TYPES),
      byChannel: tally(DIMENSIONS.channel, CHANNELS),
      byPriority: tally(DIMENSIONS.priority, PRIORITIES),
      byTopic: [...topicsAt(DIMENSIONS.topicLevel1, 1), ...topicsAt(DIMENSIONS.topicLevel2, 2)],
    },
    resolved: count(DIMENSIONS.tickets, TICKET_COUNTS.resolved),
    closed: count(DIMENSIONS.tickets, TICKET_COUNTS.closed),
    reopened: count(DIMENSIONS.tickets, TICKET_COUNTS.reopened),
    // Months as 'YYYY-MM' sort as text.
    backlogAtMonthEnd: input.backlogNets
      .filter(({ month }) => month <= input.month)
      .reduce((sum, { net }) => sum + net, 0),
    firstResponse: times(DIMENSIONS.firstResponse, DIMENSIONS.firstResponseTime),
    resolution: times(DIMENSIONS.resolution, DIMENSIONS.resolutionTime),
    satisfaction: {
      count: ratings,
      average: ratings === 0 ? null : rounded(points / ratings, 2),
      distribution,
      target: SATISFACTION_TARGET,
      // Compared exactly, not rounded: 3.996 shows as 4 but falls short.
      meetsTarget: ratings === 0 ? null : points >= SATISFACTION_TARGET * ratings,
    },
    callbacks: {
      requested: count(DIMENSIONS.callbacks, CALLBACK_COUNTS.requested),
      bySlot: tally(DIMENSIONS.callbackSlot, CALLBACK_SLOTS),
      answered,
      answeredInSlot,
      inSlotPercent: percent(answeredInSlot, answered),
    },
    percentiles: { method: 'histogram', maxRelativeError: MAX_RELATIVE_ERROR },
  };
}
