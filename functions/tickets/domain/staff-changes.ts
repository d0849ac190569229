import type { UpdateTicket } from '../../../contracts/tickets';
import type { HistoryAction } from '../../../contracts/vocabulary';
import { findOrganisation, findTeam, findTopic, isFileable, topicPaths } from '../../catalogue/domain/index';
import type { MailEvent, Recipient } from '../../mail/domain/index';
import { type FieldIssue, ValidationFailed } from '../../platform/kernel/errors';
import type { Profile } from '../../profiles/domain/index';
import { mayWork, type StaffAccess } from './access';
import { filesPurgeAt } from './attachments';
import { historyEntry } from './history';
import { type TicketEvent, transition } from './lifecycle';
import type { HistoryRecord, TicketRecord } from './model';
import { requesterNotifications, staffNotification } from './notifications';
import type { References, TicketDeps } from './ports';
import { closesAt } from './reopening';
import { ratingOnResolution } from './satisfaction';
import { clockAfterEvent, retargeted } from './sla';

/**
 * A member of staff changes a ticket: status (through the lifecycle), assignee, team
 * (forwarding), priority (with a reason) or topic (internal ones included). Every change goes
 * to the history in the same transaction; resolving mails the requester. `version` is the
 * caller's If-Match; `assignee` the profile of the person named by `assigneeId`, if any.
 */
export async function updateTicket(
  deps: TicketDeps,
  access: StaffAccess,
  changes: UpdateTicket,
  version: number,
  assignee: Profile | undefined,
): Promise<TicketRecord> {
  const { ticket, member } = access;
  const catalogue = await deps.catalogue.load();
  const issues: FieldIssue[] = [];
  if (changes.priority && !changes.reason) issues.push({ path: 'reason', message: 'Say why the priority changes.' });
  const team = changes.teamId ? findTeam(catalogue, changes.teamId) : undefined;
  if (changes.teamId && team?.organisationId !== ticket.organisationId) {
    issues.push({ path: 'teamId', message: 'No such team here.' });
  }
  const topic = changes.topicId ? findTopic(catalogue, changes.topicId) : undefined;
  if (changes.topicId && topic?.organisationId !== ticket.organisationId) {
    issues.push({ path: 'topicId', message: 'No such topic here.' });
  } else if (topic && !isFileable(topic)) {
    issues.push({ path: 'topicId', message: 'Choose a more specific topic.' });
  }
  // Whoever is assigned must be able to work the ticket as it will be: its team and topic after this change.
  const worked = {
    organisationId: ticket.organisationId,
    teamId: team?.id ?? ticket.teamId,
    topicId: topic?.id ?? ticket.topicId,
  };
  if (changes.assigneeId && !(assignee?.staff && mayWork(assignee.staff, worked))) {
    issues.push({ path: 'assigneeId', message: 'Not a member of staff who may work this ticket.' });
  }
  if (issues.length > 0) throw new ValidationFailed(issues);

  const forwarding = team !== undefined && team.id !== ticket.teamId;
  // Forwarding to a team means the ticket is now that team's, unless a status is given too.
  const event: TicketEvent | undefined = changes.status
    ? { type: 'status_set', to: changes.status }
    : forwarding
      ? { type: 'forwarded' }
      : undefined;
  const status = event ? transition(ticket.status, event) : ticket.status;

  const now = deps.clock.now();
  const by = { id: member.userId, name: member.name };
  const history: HistoryRecord[] = [];
  const record = (action: HistoryAction, from: string | undefined, to: string | undefined) =>
    history.push(historyEntry(deps.ids, now, ticket.ticketId, action, by, from, to));
  if (status !== ticket.status) record('status_changed', ticket.status, status);
  // By name: the history is shown to requesters, who see staff by display name only.
  if (assignee && assignee.userId !== ticket.assigneeId) record('assigned', ticket.assigneeName, assignee.name);
  if (forwarding) record('forwarded', ticket.teamId, team.id);
  if (changes.priority && changes.priority !== ticket.priority) {
    record('priority_changed', ticket.priority, `${changes.priority}: ${changes.reason}`);
  }
  if (topic && topic.id !== ticket.topicId) record('topic_changed', ticket.topicId, topic.id);

  const clock = await clockAfterEvent(deps, ticket, { from: ticket.status, to: status, at: now });
  const priority = changes.priority ?? ticket.priority;
  const topicId = topic?.id ?? ticket.topicId;
  // Other priority or topic, other commitments.
  const sla =
    clock && (priority !== ticket.priority || topicId !== ticket.topicId)
      ? retargeted(catalogue, ticket, clock, { priority, topicId })
      : clock;
  const organisation = findOrganisation(catalogue, ticket.organisationId);
  const { autoCloseAt: _, ...unresolved } = ticket;
  const resolving = status === 'resolved' && ticket.status !== 'resolved';
  const autoCloseAt = closesAt(now, organisation?.reopenWindowDays ?? 0);
  const updated: TicketRecord = {
    ...(status === 'resolved' ? ticket : unresolved),
    // The rating link of the resolution mail works until the ticket closes itself.
    ...(resolving ? { autoCloseAt, rating: ratingOnResolution(deps.links, deps.ids, ticket, now, autoCloseAt) } : {}),
    ...(status === 'closed' && ticket.status !== 'closed'
      ? { filesPurgeAt: filesPurgeAt(now, organisation?.attachments.retentionDays) }
      : {}),
    status,
    ...(sla ? { sla } : {}),
    ...(assignee ? { assigneeId: assignee.userId, assigneeName: assignee.name } : {}),
    ...(team ? { teamId: team.id, teamName: team.name } : {}),
    ...(changes.priority ? { priority: changes.priority } : {}),
    ...(topic ? { topicId: topic.id, topicPaths: topicPaths(catalogue, topic) } : {}),
    updatedAt: now.toISOString(),
    version: version + 1,
  };
  // The requester hears of the resolution; whoever is given the ticket (not by themselves) and
  // the team it is forwarded to hear that it is theirs now.
  // Staff hear of it in opening hours only.
  const staffMail = (event: MailEvent, recipient: Recipient) =>
    staffNotification(event, updated, deps.ids, now, recipient, organisation?.calendar);
  const notifications = [
    ...(resolving
      ? requesterNotifications('resolved', updated, deps.ids, now).map((mail) => ({
          ...mail,
          resolvedAt: now.toISOString(),
        }))
      : []),
    ...(assignee && assignee.userId !== ticket.assigneeId && assignee.userId !== member.userId
      ? [staffMail('assigned', { userId: assignee.userId })]
      : []),
    ...(forwarding ? [staffMail('forwarded', { teamId: team.id, organisationId: ticket.organisationId })] : []),
  ];
  const references: References = { ...(team ? { teamId: team.id } : {}), ...(topic ? { topicId: topic.id } : {}) };
  return deps.store.update({
    before: ticket,
    after: updated,
    expectedVersion: version,
    history,
    notifications,
    references,
  });
}
