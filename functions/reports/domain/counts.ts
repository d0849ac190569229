/**
 * What each change of a ticket adds to its organisation's monthly counters. The store adds these
 * in the same transaction as the change, so the indicators never drift from the tickets; this
 * module only says what to add, and to which month of the organisation's time zone.
 *
 * A month's counters share a partition, so every (dimension, value) pair comes from a bounded set:
 * the vocabulary, the topic catalogue, the histogram's buckets (under 200) or a fixed word. Never a
 * ticket's own id, number or instant.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import type { CallbackSlot, Channel, Priority, Status, TicketType } from '../../../contracts/vocabulary';
import { addBusinessTime, businessTimeBetween, type Calendar } from '../../sla/domain/index';
import { bucketOf } from './histogram';

/** The counters' dimensions: the one place each name is spelled. */
export const DIMENSIONS = {
  /** Values in {@link TICKET_COUNTS}: tickets received, resolved, closed and reopened. */
  tickets: 'tickets',
  /** Tickets received, by their filing's type, channel and priority. */
  type: 'type',
  channel: 'channel',
  priority: 'priority',
  /** Tickets received, by the level-1 and level-2 topic they were filed under (value: the topic id). */
  topicLevel1: 'topic1',
  topicLevel2: 'topic2',
  /** Values in {@link MEASURES}. */
  firstResponse: 'firstResponse',
  /** Business time to the first response: value a histogram bucket. */
  firstResponseTime: 'firstResponseTime',
  resolution: 'resolution',
  resolutionTime: 'resolutionTime',
  /** Ratings: value the score, '1' … '5'. */
  satisfaction: 'satisfaction',
  /** Values in {@link CALLBACK_COUNTS}. */
  callbacks: 'callbacks',
  /** Call-backs requested, by slot. */
  callbackSlot: 'callbackSlot',
  /**
   * The change of the backlog (tickets not yet resolved) over the month, value {@link BACKLOG_NET}.
   * The backlog at a month's end is the sum of every month's net up to it, so the store keeps these
   * in a partition of their own, read across months.
   */
  backlog: 'backlog',
} as const;
export type Dimension = (typeof DIMENSIONS)[keyof typeof DIMENSIONS];

export const TICKET_COUNTS = {
  received: 'received',
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'reopened',
} as const;
export const MEASURES = { measured: 'measured', withinTarget: 'withinTarget' } as const;
export const CALLBACK_COUNTS = {
  requested: 'requested',
  answered: 'answered',
  answeredInSlot: 'answeredInSlot',
} as const;
export const BACKLOG_NET = 'net';

/** What a ticket looks like to the counters (a structural subset of the stored ticket). */
export interface TicketFacts {
  readonly organisationId: string;
  readonly type: TicketType;
  readonly channel: Channel;
  readonly priority: Priority;
  readonly topicId: string;
  readonly status: Status;
  /** ISO instant. */
  readonly createdAt: string;
  /** ISO instant of the latest change (the event's instant). */
  readonly updatedAt: string;
  readonly sla?: {
    readonly firstResponseDueAt: string;
    readonly resolutionDueAt: string;
    readonly firstRespondedAt?: string;
    readonly resolvedAt?: string;
    readonly pausedMinutes: number;
  };
  /** `date`: 'YYYY-MM-DD', the day the requester asked to be called. */
  readonly callback?: { readonly slot: CallbackSlot; readonly date?: string };
}

export interface CountContext {
  /** The organisation's (its calendar's, default 'Europe/Madrid'): months and slots are its local time. */
  readonly timeZone: string;
  /** Needed to measure business time; without it, times are not measured. */
  readonly calendar?: Calendar;
  /** The level-1 and level-2 ancestors of the ticket's topic (or the topic itself when it is level 2). */
  readonly topicLevels: { readonly level1?: string; readonly level2?: string };
}

/** Add `by` to the counter (month, dimension, value). */
export interface Count {
  readonly month: string;
  readonly dimension: string;
  readonly value: string;
  readonly by: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Local wall-clock slots of the "Call me" service: [from, to) in minutes since midnight. */
const SLOT_MINUTES: Record<CallbackSlot, readonly [number, number]> = {
  morning: [8 * 60, 14 * 60],
  afternoon: [14 * 60, 20 * 60],
};

const isUnresolved = (status: Status) => status !== 'resolved' && status !== 'closed';

function toDate(at: Date | string): Date {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`${String(at)} is not an instant.`);
  return date;
}

/** The local date ('YYYY-MM-DD') and minutes since local midnight of an instant in a time zone. */
function localOf(at: Date | string, timeZone: string): { date: string; minutes: number } {
  const instant = toDate(at).getTime();
  const offset = tzOffset(timeZone, new Date(instant));
  if (Number.isNaN(offset)) throw new RangeError(`${JSON.stringify(timeZone)} is not an IANA time zone.`);
  const local = new Date(instant + Math.round(offset * MINUTE));
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The month ('YYYY-MM') an instant falls in, in a time zone. */
export function monthOf(at: Date | string, timeZone: string): string {
  return localOf(at, timeZone).date.slice(0, 7);
}

const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * Whether a call-back's first response fell in its slot: in the slot's hours of the requested day
 * or, without one, of any day until the end of the next business day after filing (the service
 * promises "the same or the next business day"; without a calendar, the filing day or the next).
 */
function answeredInSlot(ticket: TicketFacts, respondedAt: string, context: CountContext): boolean {
  const { callback } = ticket;
  if (!callback) return false;
  const answered = localOf(respondedAt, context.timeZone);
  const [from, to] = SLOT_MINUTES[callback.slot];
  if (answered.minutes < from || answered.minutes >= to) return false;
  if (callback.date) return answered.date === callback.date;
  if (context.calendar) {
    const lastDay = addBusinessTime(context.calendar, toDate(ticket.createdAt), { days: 1, endOfDay: true });
    return toDate(respondedAt) <= lastDay;
  }
  const filed = localOf(ticket.createdAt, context.timeZone).date;
  return answered.date === filed || answered.date === nextDate(filed);
}

/** Business minutes from filing to `until`, the time paused taken off (never below 0). */
const businessMinutes = (calendar: Calendar, ticket: TicketFacts, until: string, pausedMinutes: number) =>
  Math.max(0, businessTimeBetween(calendar, toDate(ticket.createdAt), toDate(until)) - pausedMinutes);

/** Whether a commitment met at `at` was met by its due time. */
const metBy = (at: string, due: string) => toDate(at) <= toDate(due);

/** Counts for the same counter summed, zeros dropped: a transaction may touch an item only once. */
function merged(counts: readonly Count[]): Count[] {
  const byKey = new Map<string, Count>();
  for (const count of counts) {
    const key = JSON.stringify([count.month, count.dimension, count.value]);
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, by: seen.by + count.by } : count);
  }
  return [...byKey.values()].filter((count) => count.by !== 0);
}

/**
 * What a change of a ticket counts, `before` undefined for its filing: one Count per counter.
 *
 * - Filing (month of `createdAt`): received, by type, channel, priority and topic levels; the
 *   backlog +1; a call-back requested, by slot.
 * - First response (month of `sla.firstRespondedAt`): with a calendar, its business time (pauses
 *   off) in the histogram, measured, and within target when given by its due time. A call-back
 *   answered, and answered in slot.
 * - Resolved from an unresolved status (month of `sla.resolvedAt`, else `updatedAt`): resolved,
 *   backlog −1; with a calendar and a clock, the business time, measured and within target.
 * - Closed (month of `updatedAt`): closed; the backlog −1 when it was not resolved before.
 * - Reopened, resolved → unresolved: reopened, backlog +1.
 * Anything else counts nothing.
 */
export function countsOfChange(before: TicketFacts | undefined, after: TicketFacts, context: CountContext): Count[] {
  const counts: Count[] = [];
  const add = (at: string, dimension: Dimension, value: string, by = 1) => {
    counts.push({ month: monthOf(at, context.timeZone), dimension, value, by });
  };
  const { calendar } = context;
  const sla = after.sla;

  if (!before) {
    const at = after.createdAt;
    add(at, DIMENSIONS.tickets, TICKET_COUNTS.received);
    add(at, DIMENSIONS.type, after.type);
    add(at, DIMENSIONS.channel, after.channel);
    add(at, DIMENSIONS.priority, after.priority);
    const { level1, level2 } = context.topicLevels;
    if (level1) add(at, DIMENSIONS.topicLevel1, level1);
    if (level2) add(at, DIMENSIONS.topicLevel2, level2);
    add(at, DIMENSIONS.backlog, BACKLOG_NET);
    if (after.callback) {
      add(at, DIMENSIONS.callbacks, CALLBACK_COUNTS.requested);
      add(at, DIMENSIONS.callbackSlot, after.callback.slot);
    }
  }

  const respondedAt = sla?.firstRespondedAt;
  if (sla && respondedAt && !before?.sla?.firstRespondedAt) {
    if (calendar) {
      const minutes = businessMinutes(calendar, after, respondedAt, sla.pausedMinutes);
      add(respondedAt, DIMENSIONS.firstResponseTime, bucketOf(minutes));
      add(respondedAt, DIMENSIONS.firstResponse, MEASURES.measured);
      if (metBy(respondedAt, sla.firstResponseDueAt)) {
        add(respondedAt, DIMENSIONS.firstResponse, MEASURES.withinTarget);
      }
    }
    if (after.callback) {
      add(respondedAt, DIMENSIONS.callbacks, CALLBACK_COUNTS.answered);
      if (answeredInSlot(after, respondedAt, context)) {
        add(respondedAt, DIMENSIONS.callbacks, CALLBACK_COUNTS.answeredInSlot);
      }
    }
  }

  // A filing is a change from nothing: a ticket filed already resolved or closed leaves the backlog at once.
  const from = before?.status;
  const to = after.status;
  if (from === to) return merged(counts);
  const wasUnresolved = from === undefined || isUnresolved(from);

  if (to === 'resolved' && wasUnresolved) {
    const resolvedAt = sla?.resolvedAt ?? after.updatedAt;
    add(resolvedAt, DIMENSIONS.tickets, TICKET_COUNTS.resolved);
    add(resolvedAt, DIMENSIONS.backlog, BACKLOG_NET, -1);
    if (calendar && sla) {
      const minutes = businessMinutes(calendar, after, resolvedAt, sla.pausedMinutes);
      add(resolvedAt, DIMENSIONS.resolutionTime, bucketOf(minutes));
      add(resolvedAt, DIMENSIONS.resolution, MEASURES.measured);
      if (metBy(resolvedAt, sla.resolutionDueAt)) add(resolvedAt, DIMENSIONS.resolution, MEASURES.withinTarget);
    }
  } else if (to === 'closed') {
    add(after.updatedAt, DIMENSIONS.tickets, TICKET_COUNTS.closed);
    if (wasUnresolved) add(after.updatedAt, DIMENSIONS.backlog, BACKLOG_NET, -1);
  } else if (from === 'resolved' && isUnresolved(to)) {
    add(after.updatedAt, DIMENSIONS.tickets, TICKET_COUNTS.reopened);
    add(after.updatedAt, DIMENSIONS.backlog, BACKLOG_NET);
  }
  return merged(counts);
}

/**
 * A requester's rating of a ticket: the satisfaction counter of its score, in the month it was
 * given. The ticket is not counted by anything yet; it is there so the call reads as what it is.
 * @throws RangeError for a score other than 1 … 5 (it would add a counter outside the bounded set).
 */
export function countsOfRating(_ticket: TicketFacts, score: 1 | 2 | 3 | 4 | 5, at: Date, timeZone: string): Count[] {
  if (![1, 2, 3, 4, 5].includes(score)) throw new RangeError('A score is a whole number from 1 to 5.');
  return [{ month: monthOf(at, timeZone), dimension: DIMENSIONS.satisfaction, value: String(score), by: 1 }];
}
