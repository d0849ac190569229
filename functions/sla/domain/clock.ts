import type { Status } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';
import { addBusinessTime, businessTimeBetween, type Calendar } from './calendar';
import type { Commitments } from './policy';

/**
 * A ticket's response-time clock, as stored with the ticket. Due times are absolute instants;
 * a pause (waiting on the requester) moves the unmet ones by the business time it lasted, when
 * it ends, so the due times are always the ones to sort and sweep by.
 */
export const TicketSla = z.object({
  firstResponseDueAt: z.iso.datetime(),
  resolutionDueAt: z.iso.datetime(),
  firstRespondedAt: z.optional(z.iso.datetime()),
  resolvedAt: z.optional(z.iso.datetime()),
  /** Set while the clock is paused: since when. */
  pausedSince: z.optional(z.iso.datetime()),
  /** Business minutes spent paused in pauses that have ended. */
  pausedMinutes: z.number().check(z.gte(0)),
});
export type TicketSla = z.infer<typeof TicketSla>;

const iso = (at: Date) => at.toISOString();

/** The clock of a ticket filed at `at`: both due times counted from then. */
export function startSla(calendar: Calendar, commitments: Commitments, at: Date): TicketSla {
  return {
    firstResponseDueAt: iso(addBusinessTime(calendar, at, commitments.firstResponse)),
    resolutionDueAt: iso(addBusinessTime(calendar, at, commitments.resolution)),
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
  return {
    ...running,
    ...(sla.firstRespondedAt ? {} : { firstResponseDueAt: moved(sla.firstResponseDueAt) }),
    ...(sla.resolvedAt ? {} : { resolutionDueAt: moved(sla.resolutionDueAt) }),
    pausedMinutes: sla.pausedMinutes + paused,
  };
}

/**
 * The clock held to other commitments (its priority or topic changed): each unmet due time
 * counted again from the filing, plus the business time paused so far; a commitment already
 * met stays as it was.
 */
export function retargetSla(sla: TicketSla, calendar: Calendar, commitments: Commitments, filedAt: Date): TicketSla {
  const due = (commitment: Commitments['firstResponse']) =>
    iso(later(calendar, addBusinessTime(calendar, filedAt, commitment), sla.pausedMinutes));
  return {
    ...sla,
    ...(sla.firstRespondedAt ? {} : { firstResponseDueAt: due(commitments.firstResponse) }),
    ...(sla.resolvedAt ? {} : { resolutionDueAt: due(commitments.resolution) }),
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

/** Whether each commitment is broken: met late, or unmet and past due (a paused clock stands still). */
export function breaches(sla: TicketSla, now: Date): { firstResponse: boolean; resolution: boolean } {
  const clock = sla.pausedSince ? new Date(sla.pausedSince) : now;
  const late = (met: string | undefined, due: string) => (met ? met > due : clock.toISOString() > due);
  return {
    firstResponse: late(sla.firstRespondedAt, sla.firstResponseDueAt),
    resolution: late(sla.resolvedAt, sla.resolutionDueAt),
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
