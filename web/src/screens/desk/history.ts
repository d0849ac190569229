/**
 * A ticket's history in words for staff: who did what, from what to what. The API records
 * statuses and priorities as codes, teams and topics by id, people by name, and the sweeper's
 * alerts as a due time (`from`) and a commitment (`to`). Pure: tests/unit/web/desk-history.test.ts.
 */
import type { TicketStatus, TicketWithThread } from '../../api/types';

export type HistoryEntry = TicketWithThread['history'][number];

export type HistoryKey =
  | 'history.created'
  | 'history.status'
  | 'history.assigned'
  | 'history.reassigned'
  | 'history.forwarded'
  | 'history.priority'
  | 'history.topic'
  | 'history.slaWarning'
  | 'history.slaEscalated'
  | 'history.someone'
  | `st.${TicketStatus}`
  | 'commitment.firstResponse'
  | 'commitment.resolution';

export interface HistoryWords {
  t: (key: HistoryKey, params?: Record<string, string | number>) => string;
  /** A team's name from its id. */
  team: (teamId: string) => string;
  /** An instant as the reader reads dates. */
  date: (iso: string) => string;
}

const STATUSES: readonly string[] = ['open', 'in_progress', 'waiting_on_requester', 'forwarded', 'resolved', 'closed'];

export function historyText(entry: HistoryEntry, { t, team, date }: HistoryWords): string {
  const who = entry.by.name || t('history.someone');
  const from = entry.from ?? '—';
  const to = entry.to ?? '—';
  const status = (code: string) => (STATUSES.includes(code) ? t(`st.${code as TicketStatus}`) : code);
  switch (entry.action) {
    case 'created':
      return t('history.created', { who });
    case 'status_changed':
      return t('history.status', { who, from: status(from), to: status(to) });
    case 'assigned':
      return entry.from ? t('history.reassigned', { who, from, to }) : t('history.assigned', { who, to });
    case 'forwarded':
      return t('history.forwarded', { who, from: entry.from ? team(entry.from) : '—', to: team(to) });
    case 'priority_changed': {
      // Recorded as "P2: the reason".
      const [priority = to, ...reason] = to.split(': ');
      return t('history.priority', { who, from, to: priority, reason: reason.join(': ') || '—' });
    }
    case 'topic_changed':
      return t('history.topic', { who, from, to });
    case 'sla_warning':
    case 'sla_escalated': {
      const commitment = t(entry.to === 'firstResponse' ? 'commitment.firstResponse' : 'commitment.resolution');
      const key = entry.action === 'sla_warning' ? 'history.slaWarning' : 'history.slaEscalated';
      return t(key, { commitment, date: entry.from ? date(entry.from) : '—' });
    }
  }
}
