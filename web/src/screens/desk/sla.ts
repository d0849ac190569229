/**
 * Where a ticket stands against its response-time commitments, at a glance: the commitment
 * running now (the first response until it is given, then the resolution), how long until it is
 * due or since it was, paused while waiting on the requester, met or missed once resolved.
 * Pure (no DOM, no messages of its own): tests/unit/web/desk-sla.test.ts.
 */
import type { Ticket } from '../../api/types';

export type Commitment = 'firstResponse' | 'resolution';

export type SlaState =
  /** The organisation has no commitments for it. */
  | { kind: 'none' }
  /** Waiting on the requester: the clock stands still. */
  | { kind: 'paused' }
  /** Resolved or closed within the resolution commitment, or outside it. */
  | { kind: 'met' }
  | { kind: 'missed' }
  /** Due in `minutes`; `soon` within {@link SOON_MINUTES}. */
  | { kind: 'due'; commitment: Commitment; dueAt: string; minutes: number; soon: boolean }
  /** Past due by `minutes`. */
  | { kind: 'breached'; commitment: Commitment; dueAt: string; minutes: number };

export type SlaKind = SlaState['kind'];

/** Within this much of a due time, the marker warns. */
export const SOON_MINUTES = 60;

const MINUTE = 60_000;
const DONE: readonly Ticket['status'][] = ['resolved', 'closed'];

export function slaState(ticket: Pick<Ticket, 'status' | 'sla'>, now: Date): SlaState {
  const { sla } = ticket;
  if (!sla) return { kind: 'none' };
  if (DONE.includes(ticket.status)) return { kind: sla.breached.resolution ? 'missed' : 'met' };
  if (sla.paused) return { kind: 'paused' };
  const commitment: Commitment = sla.firstRespondedAt ? 'resolution' : 'firstResponse';
  const dueAt = commitment === 'firstResponse' ? sla.firstResponseDueAt : sla.resolutionDueAt;
  const left = Date.parse(dueAt) - now.getTime();
  // Whole minutes, at least one: "due in 0 min" or "breached 0 min ago" would read as nonsense.
  const minutes = Math.max(1, Math.floor(Math.abs(left) / MINUTE));
  // The API may already count it breached (escalated) a moment before this clock does.
  if (left <= 0 || sla.breached[commitment]) return { kind: 'breached', commitment, dueAt, minutes };
  return { kind: 'due', commitment, dueAt, minutes, soon: minutes <= SOON_MINUTES };
}

/** A length of time in the largest two units: days and hours, hours and minutes, or minutes. */
export interface Duration {
  days: number;
  hours: number;
  minutes: number;
}

export function splitMinutes(total: number): Duration {
  const whole = Math.max(0, Math.floor(total));
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  // Over a day, minutes are noise.
  return { days, hours, minutes: days > 0 ? 0 : whole % 60 };
}

/** The message keys the words need (messages.ts has them in every language). */
export type SlaMessageKey =
  | 'sla.dueIn'
  | 'sla.breachedAgo'
  | 'sla.paused'
  | 'sla.met'
  | 'sla.missed'
  | 'sla.none'
  | 'duration.daysHours'
  | 'duration.days'
  | 'duration.hoursMinutes'
  | 'duration.hours'
  | 'duration.minutes';

export type SlaTranslate = (key: SlaMessageKey, params?: Record<string, string | number>) => string;

export function durationText(total: number, t: SlaTranslate): string {
  const { days, hours, minutes } = splitMinutes(total);
  if (days > 0) return hours > 0 ? t('duration.daysHours', { d: days, h: hours }) : t('duration.days', { d: days });
  if (hours > 0)
    return minutes > 0 ? t('duration.hoursMinutes', { h: hours, m: minutes }) : t('duration.hours', { h: hours });
  return t('duration.minutes', { m: minutes });
}

/** The state in words: "Due in 3 h 20 min", "Breached 2 h ago", "Paused (…)", "Met". */
export function slaText(state: SlaState, t: SlaTranslate): string {
  switch (state.kind) {
    case 'due':
      return t('sla.dueIn', { time: durationText(state.minutes, t) });
    case 'breached':
      return t('sla.breachedAgo', { time: durationText(state.minutes, t) });
    default:
      return t(`sla.${state.kind}`);
  }
}

/** The marker's class: `soon` warns before a breach. */
export const slaTone = (state: SlaState): string => (state.kind === 'due' && state.soon ? 'soon' : state.kind);
