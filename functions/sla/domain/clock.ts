import type { Status } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';
import { addBusinessTime, businessTimeBetween, type Calendar } from './calendar';
import type { Commitment, Commitments } from './policy';

const instant = z.iso.datetime();
/** One instant per commitment. */
const PerCommitment = z.object({ firstResponse: z.optional(instant), resolution: z.optional(instant) });

/**
 * A ticket's response-time clock, as stored with the ticket. Due times are absolute instants;
 * a pause (waiting on the requester) moves the unmet ones by the business time it lasted, when
 * it ends, so the due times are always the ones to sort and sweep by. Each warning point moves
 * with its due time.
 */
export const TicketSla = z.object({
  firstResponseDueAt: z.iso.datetime(),
  resolutionDueAt: z.iso.datetime(),
  /** When most of each commitment's business time has gone: whoever holds the ticket is warned then. */
  firstResponseWarnAt: z.optional(instant),
  resolutionWarnAt: z.optional(instant),
  /** The due time each commitment was warned of: a due time a pause moved later is warned of again. */
  warned: z.optional(PerCommitment),
  /** When each broken commitment was escalated to the organisation's supervisors: once. */
  escalated: z.optional(PerCommitment),
  firstRespondedAt: z.optional(z.iso.datetime()),
  resolvedAt: z.optional(z.iso.datetime()),
  /** Set while the clock is paused: since when. */
  pausedSince: z.optional(z.iso.datetime()),
  /** Business minutes spent paused in pauses that have ended. */
  pausedMinutes: z.number().check(z.gte(0)),
});
export type TicketSla = z.infer<typeof TicketSla>;

const iso = (at: Date) => at.toISOString();

/**
 * Where a commitment counted from `from` is due, and when to warn of it: once `percent` of its
 * business time has gone (never after the due time itself).
 */
function target(calendar: Calendar, from: Date, commitment: Commitment, percent: number) {
  const due = addBusinessTime(calendar, from, commitment);
  const share = Math.floor((businessTimeBetween(calendar, from, due) * percent) / 100);
  const warn = addBusinessTime(calendar, from, { minutes: share });
  return { due, warn: warn < due ? warn : due };
}

/** The clock of a ticket filed at `at`: both due times, and their warning points, counted from then. */
export function startSla(calendar: Calendar, commitments: Commitments, at: Date): TicketSla {
  const first = target(calendar, at, commitments.firstResponse, commitments.warnAtPercent);
  const resolution = target(calendar, at, commitments.resolution, commitments.warnAtPercent);
  return {
    firstResponseDueAt: iso(first.due),
    resolutionDueAt: iso(resolution.due),
    firstResponseWarnAt: iso(first.warn),
    resolutionWarnAt: iso(resolution.warn),
    pausedMinutes: 0,
  };
}

/** What happened to a ticket, as far as its clock is concerned. */
export interface ClockEvent {
  readonly from: Status;
  readonly to: Status;
  readonly at: Date;
  /** A reply the requester sees (not an internal note): the first one is the first response. */
  readonly publicStaffReply?: boolean;
}

const PAUSED: Status = 'waiting_on_requester';
const DONE: readonly Status[] = ['resolved', 'closed'];

/** Whether the event ends a pause: only then does the clock need the calendar, to count it. */
export const resumes = (sla: TicketSla, event: ClockEvent): boolean =>
  event.from === PAUSED && event.to !== PAUSED && sla.pausedSince !== undefined;

/**
 * The clock after one event of the ticket's lifecycle: the first public staff reply is the
 * first response; entering `waiting_on_requester` pauses, leaving it resumes and moves the due
 * times not yet met by the paused business time (counted in `calendar`, needed only when
 * `resumes`); resolving stops the resolution clock and reopening starts it again (against the
 * same due time).
 */
export function clockAfter(sla: TicketSla, event: ClockEvent, calendar?: Calendar): TicketSla {
  let next = sla;
  if (event.publicStaffReply && !next.firstRespondedAt) next = { ...next, firstRespondedAt: iso(event.at) };
  if (resumes(next, event)) {
    if (!calendar) throw new Error('Resuming an SLA clock needs the organisation’s calendar');
    next = resume(next, calendar, event.at);
  }
  if (event.to === PAUSED && event.from !== PAUSED && !next.pausedSince) next = { ...next, pausedSince: iso(event.at) };
  if (DONE.includes(event.to) && !next.resolvedAt) next = { ...next, resolvedAt: iso(event.at) };
  if (DONE.includes(event.from) && !DONE.includes(event.to)) {
    const { resolvedAt: _, ...reopened } = next;
    next = reopened;
  }
  return next;
}

/**
 * A due time moved by business minutes. Not moved by none: adding 0 to a closing instant
 * (an `endOfDay` due time) would carry it to the next opening.
 */
const later = (calendar: Calendar, due: Date, minutes: number) =>
  minutes > 0 ? addBusinessTime(calendar, due, { minutes }) : due;

function resume(sla: TicketSla, calendar: Calendar, at: Date): TicketSla {
  const { pausedSince, ...running } = sla;
  const paused = businessTimeBetween(calendar, new Date(pausedSince as string), at);
  const moved = (due: string) => iso(later(calendar, new Date(due), paused));
  const movedWarning = (warn: string | undefined) => (warn ? moved(warn) : undefined);
  return {
    ...running,
    ...(sla.firstRespondedAt
      ? {}
      : definedOnly({
          firstResponseDueAt: moved(sla.firstResponseDueAt),
          firstResponseWarnAt: movedWarning(sla.firstResponseWarnAt),
        })),
    ...(sla.resolvedAt
      ? {}
      : definedOnly({
          resolutionDueAt: moved(sla.resolutionDueAt),
          resolutionWarnAt: movedWarning(sla.resolutionWarnAt),
        })),
    pausedMinutes: sla.pausedMinutes + paused,
  };
}

const definedOnly = <T extends Record<string, string | undefined>>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/**
 * The clock held to other commitments (its priority or topic changed): each unmet due time
 * counted again from the filing, plus the business time paused so far; a commitment already
 * met stays as it was.
 */
export function retargetSla(sla: TicketSla, calendar: Calendar, commitments: Commitments, filedAt: Date): TicketSla {
  const counted = (commitment: Commitment) => {
    const { due, warn } = target(calendar, filedAt, commitment, commitments.warnAtPercent);
    return { due: iso(later(calendar, due, sla.pausedMinutes)), warn: iso(later(calendar, warn, sla.pausedMinutes)) };
  };
  const first = counted(commitments.firstResponse);
  const resolution = counted(commitments.resolution);
  return {
    ...sla,
    ...(sla.firstRespondedAt ? {} : { firstResponseDueAt: first.due, firstResponseWarnAt: first.warn }),
    ...(sla.resolvedAt ? {} : { resolutionDueAt: resolution.due, resolutionWarnAt: resolution.warn }),
  };
}

/**
 * The clock recomputed from the ticket's filing and history: it must equal the stored one,
 * which is how a changed calendar or policy can be replayed onto open tickets.
 */
export function replaySla(
  calendar: Calendar,
  commitments: Commitments,
  filedAt: Date,
  events: readonly ClockEvent[],
): TicketSla {
  return events.reduce((sla, event) => clockAfter(sla, event, calendar), startSla(calendar, commitments, filedAt));
}

/**
 * Whether each commitment is broken: met late, unmet and past due (a paused clock stands
 * still), or escalated as broken by the sweeper.
 */
export function breaches(sla: TicketSla, now: Date): { firstResponse: boolean; resolution: boolean } {
  const clock = sla.pausedSince ? new Date(sla.pausedSince) : now;
  const late = (met: string | undefined, due: string) => (met ? met > due : clock.toISOString() > due);
  return {
    firstResponse: late(sla.firstRespondedAt, sla.firstResponseDueAt) || sla.escalated?.firstResponse !== undefined,
    resolution: late(sla.resolvedAt, sla.resolutionDueAt) || sla.escalated?.resolution !== undefined,
  };
}

/**
 * The next commitment the ticket can still break, for queues and the sweeper: the first
 * response until it is given, then the resolution until it is reached; none while paused.
 */
export function nextDueAt(sla: TicketSla): string | undefined {
  if (sla.pausedSince) return undefined;
  if (!sla.firstRespondedAt) return sla.firstResponseDueAt;
  return sla.resolvedAt ? undefined : sla.resolutionDueAt;
}
