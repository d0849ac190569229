import { CALLBACK_SLOTS, CHANNELS, PRIORITIES, TICKET_TYPES } from './vocabulary';
import * as z from './zod';

/*
 * The monthly report as the API answers it: apart from the route's input (reports.ts), since
 * handlers import response schemas only as types and no Lambda should build them at cold start.
 */

const Tally = <K extends z.ZodMiniType>(key: K) => z.array(z.object({ key, count: z.int() }));

/**
 * A business time distribution. Percentiles come from a histogram of logarithmic buckets, so
 * each is within `maxRelativeError` of the exact value (minutes under 20 are exact).
 */
const BusinessTimes = z.object({
  /** Tickets measured this month (first responses given, or resolutions made). */
  count: z.int(),
  medianMinutes: z.nullable(z.number()),
  p90Minutes: z.nullable(z.number()),
  /** Of those measured, how many met their commitment's due time. */
  withinTarget: z.int(),
  /** `withinTarget / count` in percent, one decimal; null when nothing was measured. */
  compliancePercent: z.nullable(z.number()),
});

/**
 * An organisation's indicators for one calendar month of its time zone. Every figure is read
 * from counters written in the same transaction as the change they count.
 */
export const MonthlyReport = z.object({
  organisationId: z.string(),
  month: z.string(),
  timeZone: z.string(),
  received: z.object({
    total: z.int(),
    byType: Tally(z.enum(TICKET_TYPES)),
    byChannel: Tally(z.enum(CHANNELS)),
    byPriority: Tally(z.enum(PRIORITIES)),
    /** Level-1 (shared catalogue) and level-2 topics, each with its name in the reader's language. */
    byTopic: z.array(z.object({ id: z.string(), level: z.int(), name: z.string(), count: z.int() })),
  }),
  /** Resolutions made this month (a ticket reopened and resolved again counts again). */
  resolved: z.int(),
  closed: z.int(),
  reopened: z.int(),
  /** Tickets not yet resolved at the end of the month. */
  backlogAtMonthEnd: z.int(),
  /** Business time from filing to the first public staff reply, paused time excluded. */
  firstResponse: BusinessTimes,
  /** Business time from filing to resolution, paused time excluded. */
  resolution: BusinessTimes,
  satisfaction: z.object({
    count: z.int(),
    /** Two decimals; null without ratings. */
    average: z.nullable(z.number()),
    distribution: z.object({ 1: z.int(), 2: z.int(), 3: z.int(), 4: z.int(), 5: z.int() }),
    /** The town hall's commitment: an average of at least 4 out of 5. */
    target: z.number(),
    meetsTarget: z.nullable(z.boolean()),
  }),
  /** "Call me" requests filed this month, and those first answered within their slot (morning 8–14, afternoon 14–20). */
  callbacks: z.object({
    requested: z.int(),
    bySlot: Tally(z.enum(CALLBACK_SLOTS)),
    answered: z.int(),
    answeredInSlot: z.int(),
    inSlotPercent: z.nullable(z.number()),
  }),
  percentiles: z.object({ method: z.literal('histogram'), maxRelativeError: z.number() }),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;
