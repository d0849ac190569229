import type { Ticket, TicketWithThread } from '../../../contracts/tickets-views';
import type { HistoryAction, Language, Status } from '../../../contracts/vocabulary';
import { breaches, type TicketSla } from '../../sla/domain/index';
import type { TicketAccess } from './access';
import { attachmentViews } from './attachments';
import type { HistoryRecord, MessageRecord, Thread, TicketRecord } from './model';

const LABELS: Record<Status, Record<Language, string>> = {
  open: { ca: 'Obert', es: 'Abierto', oc: 'Dubèrt', en: 'Open' },
  in_progress: { ca: 'En curs', es: 'En curso', oc: 'En cors', en: 'In progress' },
  waiting_on_requester: {
    ca: 'Pendent de la vostra informació',
    es: 'Pendiente de su información',
    oc: 'En demora dera vòsta informacion',
    en: 'Waiting for your information',
  },
  forwarded: { ca: 'Derivat', es: 'Derivado', oc: 'Tramés', en: 'Forwarded' },
  resolved: { ca: 'Resolt', es: 'Resuelto', oc: 'Resolvut', en: 'Resolved' },
  closed: { ca: 'Tancat', es: 'Cerrado', oc: 'Barrat', en: 'Closed' },
};

/** "Forwarded to Technical services": source 000 shows requesters which team has their ticket. */
const FORWARDED_TO: Record<Language, (team: string) => string> = {
  ca: (team) => `Derivat a ${team}`,
  es: (team) => `Derivado a ${team}`,
  oc: (team) => `Tramés a ${team}`,
  en: (team) => `Forwarded to ${team}`,
};

export function statusLabel(ticket: TicketRecord, language: Language): string {
  if (ticket.status === 'forwarded' && ticket.teamName) return FORWARDED_TO[language](ticket.teamName[language]);
  return LABELS[ticket.status][language];
}

/** Who reads a ticket: requesters and guests see staff by display name only, never their ids. */
export type Reader = TicketAccess['as'];

const slaView = (sla: TicketSla, now: Date): NonNullable<Ticket['sla']> => ({
  firstResponseDueAt: sla.firstResponseDueAt,
  ...(sla.firstRespondedAt ? { firstRespondedAt: sla.firstRespondedAt } : {}),
  resolutionDueAt: sla.resolutionDueAt,
  pausedMinutes: sla.pausedMinutes,
  paused: sla.pausedSince !== undefined,
  breached: breaches(sla, now),
});

/** The ticket as the API shows it to this reader, in their language, at `now` (what is overdue). */
export function ticketView(ticket: TicketRecord, language: Language, reader: Reader, now: Date): Ticket {
  const path = ticket.topicPaths[language];
  return {
    id: ticket.ticketId,
    number: ticket.number,
    type: ticket.type,
    status: ticket.status,
    statusLabel: statusLabel(ticket, language),
    priority: ticket.priority,
    topic: { id: ticket.topicId, path, name: path.at(-1) ?? ticket.topicId },
    subject: ticket.subject,
    description: ticket.description,
    fields: ticket.fields,
    channel: ticket.channel,
    ...(ticket.impact ? { impact: ticket.impact } : {}),
    ...(ticket.callback ? { callback: ticket.callback } : {}),
    requester: {
      name: ticket.requesterName,
      // How staff reach a requester without an account; requesters know their own details.
      ...(reader === 'staff' && ticket.guest ? { email: ticket.guest.email } : {}),
      ...(reader === 'staff' && ticket.requesterPhone ? { phone: ticket.requesterPhone } : {}),
    },
    ...(ticket.teamId && ticket.teamName ? { team: { id: ticket.teamId, name: ticket.teamName[language] } } : {}),
    ...(ticket.assigneeId && ticket.assigneeName
      ? { assignee: { ...(reader === 'staff' ? { id: ticket.assigneeId } : {}), name: ticket.assigneeName } }
      : {}),
    ...(ticket.sla ? { sla: slaView(ticket.sla, now) } : {}),
    ...(ticket.satisfaction ? { satisfaction: ticket.satisfaction } : {}),
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    version: ticket.version,
  };
}

const messageView = (message: MessageRecord): TicketWithThread['thread'][number] => ({
  id: message.messageId,
  author: { kind: message.authorKind, name: message.authorName },
  body: message.body,
  internal: message.internal,
  ...(message.requestsInfo ? { requestsInfo: true } : {}),
  createdAt: message.createdAt,
});

const historyView = (entry: HistoryRecord): TicketWithThread['history'][number] => ({
  action: entry.action,
  ...(entry.from ? { from: entry.from } : {}),
  ...(entry.to ? { to: entry.to } : {}),
  by: { name: entry.byName },
  at: entry.at,
});

/** What the history tells staff only: how the team met its commitments is internal. */
const STAFF_ONLY: readonly HistoryAction[] = ['sla_warning', 'sla_escalated'];

/** Ids start with the creation time and then order what happened in the same millisecond. */
const byId = (a: string, b: string) => a.localeCompare(b);

/** The ticket page: thread oldest first, internal notes for staff only, and the history. */
export function threadView(access: TicketAccess, thread: Thread, language: Language, now: Date): TicketWithThread {
  return {
    ...ticketView(access.ticket, language, access.as, now),
    thread: thread.messages
      .filter((message) => access.as === 'staff' || !message.internal)
      .toSorted((a, b) => byId(a.messageId, b.messageId))
      .map(messageView),
    attachments: attachmentViews(access, thread.attachments, thread.messages),
    history: thread.history
      .filter((entry) => access.as === 'staff' || !STAFF_ONLY.includes(entry.action))
      .toSorted((a, b) => byId(a.entryId, b.entryId))
      .map(historyView),
  };
}
