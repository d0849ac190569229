import type { Language } from '../../http/language';
import { findTopic, topicPath } from '../catalogue/catalogue';
import type { Catalogue } from '../catalogue/model';
import type { HistoryRecord, MessageRecord, Thread, TicketRecord } from './model';
import { statusLabel } from './status';

/** The ticket as the API shows it, in the reader's language. */
export function ticketView(ticket: TicketRecord, catalogue: Catalogue, language: Language) {
  const topic = findTopic(catalogue, ticket.topicId);
  return {
    id: ticket.ticketId,
    number: ticket.number,
    type: ticket.type,
    status: ticket.status,
    statusLabel: statusLabel(ticket.status, language),
    priority: ticket.priority,
    topic: {
      id: ticket.topicId,
      path: topic ? topicPath(catalogue, topic, language) : [],
      name: topic?.name[language] ?? ticket.topicId,
    },
    subject: ticket.subject,
    description: ticket.description,
    fields: ticket.fields,
    channel: ticket.channel,
    ...(ticket.impact ? { impact: ticket.impact } : {}),
    ...(ticket.callback ? { callback: ticket.callback } : {}),
    requester: { name: ticket.requesterName },
    ...(ticket.teamId ? { team: { id: ticket.teamId } } : {}),
    ...(ticket.assigneeId ? { assignee: { id: ticket.assigneeId } } : {}),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    version: ticket.version,
  };
}

const messageView = (message: MessageRecord) => ({
  id: message.messageId,
  author: { kind: message.authorKind, name: message.authorName },
  body: message.body,
  internal: message.internal,
  ...(message.requestsInfo ? { requestsInfo: true } : {}),
  createdAt: message.createdAt,
});

const historyView = (entry: HistoryRecord) => ({
  action: entry.action,
  ...(entry.from ? { from: entry.from } : {}),
  ...(entry.to ? { to: entry.to } : {}),
  by: { name: entry.byName },
  at: entry.at,
});

/** Ticket page: thread oldest first; internal notes only for staff. */
export function threadView(thread: Thread, catalogue: Catalogue, language: Language, staff: boolean) {
  // Ids start with the creation time and then order what happened in the same millisecond.
  const byTime = <T extends { messageId?: string; entryId?: string }>(a: T, b: T) =>
    (a.messageId ?? a.entryId ?? '').localeCompare(b.messageId ?? b.entryId ?? '');
  return {
    ...ticketView(thread.ticket, catalogue, language),
    thread: thread.messages
      .filter((message) => staff || !message.internal)
      .sort(byTime)
      .map(messageView),
    attachments: [],
    history: [...thread.history].sort(byTime).map(historyView),
  };
}
