import type { OrganisationDefinition } from '../../catalogue/domain/index';
import type { OutboxMessage, Recipient } from '../../mail/domain/index';
import { Conflict } from '../../platform/kernel/errors';
import { type Alert, alertsDue, clockAfter, DEFAULT_TIME_ZONE, withAlerts } from '../../sla/domain/index';
import { filesPurgeAt } from './attachments';
import { historyEntry } from './history';
import { transition } from './lifecycle';
import type { TicketRecord } from './model';
import { staffNotification } from './notifications';
import type { TicketDeps, TicketStore } from './ports';
import { SYSTEM } from './routing';

/** Lets a held staff mail go (mail feature); false if another sweep already had. */
export interface HeldMailRelease {
  release(message: OutboxMessage): Promise<boolean>;
}

/**
 * What the sweeper has to do in an organisation by `now`, from the sweep index: tickets to warn
 * of, escalate or close, and staff mail held until opening time. Only what has come due is read.
 */
export interface SweepIndex {
  dueBy(
    organisationId: string,
    now: Date,
  ): Promise<{ tickets: readonly TicketRecord[]; heldMail: readonly OutboxMessage[] }>;
}

/** Deletes a ticket's files, their objects and records (attachment-store.ts); says how many there were. */
export interface FilePurge {
  purge(ticketId: string): Promise<number>;
}

export interface SweepDeps extends Pick<TicketDeps, 'catalogue' | 'ids'> {
  readonly store: Pick<TicketStore, 'update'>;
  readonly files: FilePurge;
  readonly index: SweepIndex;
  readonly heldMail: HeldMailRelease;
}

/** What one run of the sweeper did. */
export interface SweepReport {
  organisations: number;
  /** Items the sweep index gave it: the measure of its work, which grows with what is due. */
  due: number;
  warnings: number;
  escalations: number;
  closed: number;
  /** Files deleted with the closed tickets whose retention ended. */
  filesPurged: number;
  mailReleased: number;
  /** Tickets that changed between the index read and the write: the change put them back on the index. */
  changedMeanwhile: number;
}

/**
 * One run of the sweeper at `now` (the scheduled instant, so tests can move time), over every
 * organisation or the ones named: for each, the sweep index gives what has come due, and only
 * that. Held staff mail goes out; resolved tickets past their reopen window close; closed ones
 * past their organisation's retention lose their files; commitments
 * nearing their due time are warned of to whoever holds the ticket, and broken ones escalated
 * to the supervisors, once each: the ticket records each alert in the write that mails it, and
 * that write holds only if nobody changed the ticket since it was read.
 */
export async function sweep(deps: SweepDeps, now: Date, organisationIds?: readonly string[]): Promise<SweepReport> {
  const catalogue = await deps.catalogue.load();
  const organisations = catalogue.organisations.filter((o) => !organisationIds || organisationIds.includes(o.id));
  const report: SweepReport = {
    organisations: organisations.length,
    due: 0,
    warnings: 0,
    escalations: 0,
    closed: 0,
    filesPurged: 0,
    mailReleased: 0,
    changedMeanwhile: 0,
  };
  for (const organisation of organisations) {
    const due = await deps.index.dueBy(organisation.id, now);
    report.due += due.tickets.length + due.heldMail.length;
    for (const message of due.heldMail) if (await deps.heldMail.release(message)) report.mailReleased += 1;
    for (const ticket of due.tickets) {
      try {
        await sweepTicket(deps, organisation, ticket, now, report);
      } catch (error) {
        if (!(error instanceof Conflict)) throw error;
        report.changedMeanwhile += 1;
      }
    }
  }
  return report;
}

async function sweepTicket(
  deps: SweepDeps,
  organisation: OrganisationDefinition,
  ticket: TicketRecord,
  now: Date,
  report: SweepReport,
): Promise<void> {
  const at = now.toISOString();
  const next = { updatedAt: at, version: ticket.version + 1 };
  if (ticket.status === 'resolved' && ticket.autoCloseAt && ticket.autoCloseAt <= at) {
    const status = transition(ticket.status, { type: 'auto_closed' });
    const { autoCloseAt: _, ...rest } = ticket;
    const sla = ticket.sla && clockAfter(ticket.sla, { from: ticket.status, to: status, at: now });
    const purgeAt = filesPurgeAt(now, organisation.attachments.retentionDays);
    await deps.store.update({
      before: ticket,
      after: { ...rest, status, ...(sla ? { sla } : {}), filesPurgeAt: purgeAt, ...next },
      expectedVersion: ticket.version,
      history: [historyEntry(deps.ids, now, ticket.ticketId, 'status_changed', SYSTEM, ticket.status, status)],
    });
    report.closed += 1;
    return;
  }
  if (ticket.status === 'closed' && ticket.filesPurgeAt && ticket.filesPurgeAt <= at) {
    // Files first: if the ticket's write then loses a race, the next sweep finds nothing left to delete.
    report.filesPurged += await deps.files.purge(ticket.ticketId);
    const { filesPurgeAt: _, ...kept } = ticket;
    await deps.store.update({ before: ticket, after: { ...kept, ...next }, expectedVersion: ticket.version });
    return;
  }
  const alerts = ticket.sla ? alertsDue(ticket.sla, now) : [];
  if (!ticket.sla || alerts.length === 0) return;
  const after: TicketRecord = { ...ticket, sla: withAlerts(ticket.sla, alerts, now), ...next };
  const mail = (alert: Alert) =>
    staffNotification(
      alert.kind === 'warning' ? 'sla_warning' : 'sla_escalated',
      after,
      deps.ids,
      now,
      alert.kind === 'warning' ? holderOf(after) : { supervisorsOf: after.organisationId },
      organisation.calendar,
      { commitment: alert.commitment, at: alert.dueAt, timeZone: organisation.calendar?.timeZone ?? DEFAULT_TIME_ZONE },
    );
  const action = (alert: Alert) => (alert.kind === 'warning' ? 'sla_warning' : 'sla_escalated');
  await deps.store.update({
    before: ticket,
    after,
    expectedVersion: ticket.version,
    history: alerts.map((alert) =>
      historyEntry(deps.ids, now, ticket.ticketId, action(alert), SYSTEM, alert.dueAt, alert.commitment),
    ),
    notifications: alerts.map(mail),
  });
  for (const alert of alerts) report[alert.kind === 'warning' ? 'warnings' : 'escalations'] += 1;
}

/** Who is warned of a ticket's due time: its assignee, or else its team, or else the supervisors. */
function holderOf(ticket: TicketRecord): Recipient {
  if (ticket.assigneeId) return { userId: ticket.assigneeId };
  if (ticket.teamId) return { teamId: ticket.teamId, organisationId: ticket.organisationId };
  return { supervisorsOf: ticket.organisationId };
}
