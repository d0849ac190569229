import type { Status, WorkView } from '../../../contracts/vocabulary';
import { findTeam } from '../../catalogue/domain/index';
import { Forbidden, ValidationFailed } from '../../platform/kernel/errors';
import { nextAlertAt, nextDueAt } from '../../sla/domain/index';
import type { StaffMember } from './access';
import type { TicketRecord } from './model';
import type { TicketDeps, WorkList } from './ports';

const DONE: readonly Status[] = ['resolved', 'closed'];
/** Sorts after every ISO instant: tickets with nothing due (paused, or no SLA) come last. */
const NOTHING_DUE = '~';

/**
 * Where a ticket stands in the work queues: in its team's and in its assignee's, ordered by
 * the next commitment it can break, then by id; in none once resolved or closed.
 */
export function queuePlace(ticket: TicketRecord): { teamId?: string; assigneeId?: string; due: string } | undefined {
  if (DONE.includes(ticket.status)) return undefined;
  const due = `${(ticket.sla && nextDueAt(ticket.sla)) ?? NOTHING_DUE}#${ticket.ticketId}`;
  return {
    ...(ticket.teamId ? { teamId: ticket.teamId } : {}),
    ...(ticket.assigneeId ? { assigneeId: ticket.assigneeId } : {}),
    due,
  };
}

/**
 * When the sweeper next has something to do with the ticket: close it (resolved, once the
 * reopen window has passed), or warn of or escalate a commitment; none otherwise.
 */
export function sweepAt(ticket: TicketRecord): string | undefined {
  if (ticket.status === 'resolved') return ticket.autoCloseAt;
  if (ticket.status === 'closed') return ticket.filesPurgeAt;
  if (DONE.includes(ticket.status) || !ticket.sla) return undefined;
  return nextAlertAt(ticket.sla);
}

/** Whose open tickets this one counts among: its assignee's, until it is resolved or closed. */
const heldBy = (ticket: TicketRecord | undefined) =>
  ticket?.assigneeId && !DONE.includes(ticket.status) ? ticket.assigneeId : undefined;

/**
 * How a change moves the open tickets each member of staff holds (what automatic assignment
 * balances): -1 for whoever held the ticket before, +1 for whoever holds it after.
 */
export function workloadChanges(
  before: TicketRecord | undefined,
  after: TicketRecord,
): [userId: string, change: number][] {
  const [was, is] = [heldBy(before), heldBy(after)];
  if (was === is) return [];
  return [...(was ? [[was, -1] as [string, number]] : []), ...(is ? [[is, 1] as [string, number]] : [])];
}

/**
 * The queue a member of staff asks for: their own assigned tickets, or one of their teams'
 * (supervisors: any team of their organisation). Someone with a single team need not name it.
 * The catalogue is read only to check a team a supervisor is not in, so an agent's page costs
 * their profile and one Query.
 */
export async function workList(
  deps: Pick<TicketDeps, 'catalogue'>,
  member: StaffMember,
  view: WorkView,
  teamId: string | undefined,
): Promise<WorkList> {
  if (view === 'assigned') return { index: 'assignee', userId: member.userId };
  const { staff } = member;
  const team = teamId ?? (staff.teamIds.length === 1 ? staff.teamIds[0] : undefined);
  if (!team) {
    throw new ValidationFailed([
      { path: 'query.teamId', message: `Choose a team${staff.teamIds.length ? `: ${staff.teamIds.join(', ')}` : ''}.` },
    ]);
  }
  const list = { index: 'team', teamId: team, unassignedOnly: view === 'queue' } as const;
  if (staff.teamIds.includes(team)) return list;
  if (!staff.supervisor) throw new Forbidden('That is not one of your teams.');
  if (findTeam(await deps.catalogue.load(), team)?.organisationId !== staff.organisationId) {
    throw new ValidationFailed([{ path: 'query.teamId', message: 'No such team here.' }]);
  }
  return list;
}
