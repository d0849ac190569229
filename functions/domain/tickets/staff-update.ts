import { findTopic } from '../catalogue/catalogue';
import { InvalidTransition, ValidationFailed } from '../errors';
import { historyEntry } from './history';
import type { Deps } from './intake';
import { canMove } from './lifecycle';
import type { HistoryRecord, TicketRecord } from './model';
import { type Notification, notificationFor } from './notifications';
import type { Priority } from './priority';
import { type AgentProfile, actorOf } from './staff';
import type { Status } from './status';

export interface TicketChanges {
  readonly status?: Status;
  readonly assigneeId?: string;
  /** Forward to another team (e.g. second-level technical services). */
  readonly teamId?: string;
  readonly priority?: Priority;
  /** Why the priority changed; required with it. */
  readonly reason?: string;
  readonly topicId?: string;
}

/**
 * A staff member changes a ticket: status (by the lifecycle), assignee, team (forwarding),
 * priority (with a reason) or topic (internal ones included). Every change goes to the
 * history; resolving mails the requester. `version` is the caller's If-Match.
 */
export async function updateTicket(
  deps: Deps,
  ticket: TicketRecord,
  profile: AgentProfile,
  changes: TicketChanges,
  version: number,
) {
  const catalogue = await deps.catalogue.load();
  const issues: { path: string; message: string }[] = [];
  if (changes.priority && !changes.reason) issues.push({ path: 'reason', message: 'Say why the priority changes.' });
  if (changes.teamId) {
    const team = catalogue.teams.find((candidate) => candidate.id === changes.teamId);
    if (team?.organisationId !== ticket.organisationId) issues.push({ path: 'teamId', message: 'No such team here.' });
  }
  if (changes.topicId && findTopic(catalogue, changes.topicId)?.organisationId !== ticket.organisationId) {
    issues.push({ path: 'topicId', message: 'No such topic here.' });
  }
  if (issues.length > 0) throw new ValidationFailed(issues);

  // Forwarding to a team means the ticket is now that team's, unless a status is given too.
  const status: Status =
    changes.status ?? (changes.teamId && changes.teamId !== ticket.teamId ? 'forwarded' : ticket.status);
  if (!canMove(ticket.status, status)) {
    throw new InvalidTransition(
      `A ${ticket.status.replaceAll('_', ' ')} ticket cannot become ${status.replaceAll('_', ' ')}.`,
    );
  }

  const now = deps.clock.now();
  const at = now.toISOString();
  const entry = (action: HistoryRecord['action'], from: string | undefined, to: string | undefined) =>
    historyEntry(deps.ids, now, ticket.ticketId, action, actorOf(profile), from, to);
  const history: HistoryRecord[] = [];
  if (status !== ticket.status) history.push(entry('status_changed', ticket.status, status));
  if (changes.assigneeId && changes.assigneeId !== ticket.assigneeId) {
    history.push(entry('assigned', ticket.assigneeId, changes.assigneeId));
  }
  if (changes.teamId && changes.teamId !== ticket.teamId)
    history.push(entry('forwarded', ticket.teamId, changes.teamId));
  if (changes.priority && changes.priority !== ticket.priority) {
    history.push(entry('priority_changed', ticket.priority, `${changes.priority}: ${changes.reason}`));
  }
  if (changes.topicId && changes.topicId !== ticket.topicId)
    history.push(entry('topic_changed', ticket.topicId, changes.topicId));

  const updated: TicketRecord = {
    ...ticket,
    status,
    ...(changes.assigneeId ? { assigneeId: changes.assigneeId } : {}),
    ...(changes.teamId ? { teamId: changes.teamId } : {}),
    ...(changes.priority ? { priority: changes.priority } : {}),
    ...(changes.topicId ? { topicId: changes.topicId } : {}),
    updatedAt: at,
    version: version + 1,
  };
  const notifications: Notification[] =
    status === 'resolved' && ticket.status !== 'resolved' ? [notificationFor('resolved', updated, deps.ids, now)] : [];
  return deps.store.update(updated, version, history, notifications);
}
