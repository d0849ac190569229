import { findOrganisation } from '../../catalogue/domain/index';
import { InvalidTransition } from '../../platform/kernel/errors';
import type { RequesterAccess } from './access';
import { requesterStep } from './conversation';
import { transition } from './lifecycle';
import type { HistoryRecord, TicketRecord } from './model';
import type { TicketDeps } from './ports';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a ticket resolved at `resolvedAt` closes itself: once its organisation's reopen window has passed. */
export const closesAt = (resolvedAt: Date, windowDays: number): string =>
  new Date(resolvedAt.getTime() + windowDays * DAY_MS).toISOString();

/** When the ticket was last resolved, as its history says. */
const lastResolution = (history: readonly HistoryRecord[]): Date | undefined => {
  const entry = history
    .filter((e) => e.action === 'status_changed' && e.to === 'resolved')
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
  return entry ? new Date(entry.at) : undefined;
};

/**
 * The requester reopens their resolved ticket within the organisation's reopen window (in days
 * after the resolution): it goes back in progress, with their reason at the end of the thread
 * and the SLA resolution clock running again. After the window, a new ticket is the way.
 */
export async function reopenTicket(
  deps: TicketDeps,
  access: RequesterAccess,
  history: readonly HistoryRecord[],
  reason: string,
): Promise<TicketRecord> {
  const { ticket } = access;
  const next = transition(ticket.status, { type: 'reopened' });
  const now = deps.clock.now();
  const windowDays = findOrganisation(await deps.catalogue.load(), ticket.organisationId)?.reopenWindowDays ?? 0;
  const resolvedAt = lastResolution(history);
  if (!resolvedAt || now.toISOString() > closesAt(resolvedAt, windowDays)) {
    throw new InvalidTransition(
      ticket.status,
      next,
      `The ${windowDays} days to reopen this ticket have passed; file a new ticket quoting ${ticket.number}.`,
    );
  }
  return requesterStep(deps, access, reason, next, now);
}
