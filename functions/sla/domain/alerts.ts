import type { TicketSla } from './clock';

export const COMMITMENTS = ['firstResponse', 'resolution'] as const;
export type CommitmentName = (typeof COMMITMENTS)[number];

/**
 * What the sweeper owes a ticket: a warning to whoever holds it that a commitment is nearing its
 * due time, or the escalation of a commitment past it to the organisation's supervisors.
 */
export interface Alert {
  readonly kind: 'warning' | 'escalation';
  readonly commitment: CommitmentName;
  readonly dueAt: string;
}

interface Running {
  readonly commitment: CommitmentName;
  readonly dueAt: string;
  readonly warnAt: string | undefined;
}

/** The commitments not yet met nor escalated, with their due times and warning points; none while paused. */
function running(sla: TicketSla): Running[] {
  if (sla.pausedSince) return [];
  const open: Running[] = [];
  if (!sla.firstRespondedAt && !sla.escalated?.firstResponse) {
    open.push({ commitment: 'firstResponse', dueAt: sla.firstResponseDueAt, warnAt: sla.firstResponseWarnAt });
  }
  if (!sla.resolvedAt && !sla.escalated?.resolution) {
    open.push({ commitment: 'resolution', dueAt: sla.resolutionDueAt, warnAt: sla.resolutionWarnAt });
  }
  return open;
}

/** When this due time's warning is still to come, if it is. */
const pendingWarning = (sla: TicketSla, { commitment, dueAt, warnAt }: Running): string | undefined =>
  warnAt !== undefined && warnAt < dueAt && sla.warned?.[commitment] !== dueAt ? warnAt : undefined;

/**
 * The alerts a clock is owed at `now`: an escalation for each commitment past due and not yet
 * escalated (without a warning first: it is too late for one), a warning for each past its
 * warning point and not yet warned of at its present due time. A paused clock is owed none.
 */
export function alertsDue(sla: TicketSla, now: Date): Alert[] {
  const at = now.toISOString();
  return running(sla).flatMap((entry): Alert[] => {
    if (at > entry.dueAt) return [{ kind: 'escalation', commitment: entry.commitment, dueAt: entry.dueAt }];
    const warnAt = pendingWarning(sla, entry);
    if (warnAt !== undefined && at >= warnAt) {
      return [{ kind: 'warning', commitment: entry.commitment, dueAt: entry.dueAt }];
    }
    return [];
  });
}

/** The clock with these alerts recorded, at `now`: each is owed once. */
export function withAlerts(sla: TicketSla, alerts: readonly Alert[], now: Date): TicketSla {
  let next = sla;
  for (const alert of alerts) {
    next =
      alert.kind === 'warning'
        ? { ...next, warned: { ...next.warned, [alert.commitment]: alert.dueAt } }
        : { ...next, escalated: { ...next.escalated, [alert.commitment]: now.toISOString() } };
  }
  return next;
}

/**
 * The next instant the clock will be owed an alert: the earliest pending warning point or due
 * time (an escalation is owed just after it), or none (paused; every commitment met or escalated).
 * The sweeper finds tickets by this instant, so its work grows with the tickets due.
 */
export function nextAlertAt(sla: TicketSla): string | undefined {
  const instants = running(sla).map((entry) => pendingWarning(sla, entry) ?? entry.dueAt);
  return instants.toSorted()[0];
}
