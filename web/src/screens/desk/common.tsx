/**
 * What the queues and the work view share: the desk's `t()`, the SLA marker, the clock they
 * measure against, the organisation's teams, and the words for statuses and priorities.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas, type Ticket, type TicketStatus } from '../../api/client';
import { type AreaTranslate, useMessages } from '../../i18n/bundle';
import { type DeskKey, messages } from './messages';
import { slaState, slaText, slaTone } from './sla';
import './desk.css';

export type DeskTranslate = AreaTranslate<DeskKey>;
export type Team = Schemas['TeamList']['items'][number];
export type Agent = Schemas['AgentList']['items'][number];
export type Priority = Ticket['priority'];

export const useDeskMessages = () => useMessages(messages);

export const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];
/** Resolved and closed tickets leave the work queues, so filtering by them would always be empty. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'waiting_on_requester', 'forwarded'];

export const statusWords = (status: TicketStatus, t: DeskTranslate) => t(`st.${status}`);
export const priorityWords = (priority: Priority, t: DeskTranslate) => t(`priority.${priority}`);

/** The current time, moved on every `everyMs` so "due in" counts down while the page is open. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Marker shapes, so the state never rests on colour alone (the words come next to it). */
const MARKS: Record<string, string> = {
  due: '◷',
  soon: '!',
  breached: '✕',
  paused: '‖',
  met: '✓',
  missed: '✕',
  none: '–',
};

/** The SLA state in words with a marker: shape, border and colour. */
export function SlaBadge({ ticket, now }: { ticket: Pick<Ticket, 'status' | 'sla'>; now: Date }) {
  const { t } = useDeskMessages();
  const state = slaState(ticket, now);
  const tone = slaTone(state);
  return (
    <span class={`desk-sla desk-sla--${tone}`}>
      <span class="desk-sla-mark" aria-hidden="true">
        {MARKS[tone]}
      </span>
      {slaText(state, t)}
    </span>
  );
}

/** The organisation's teams (names in the reader's language); an empty list if they cannot be read. */
export function useTeams(): Team[] | undefined {
  const { lang } = useDeskMessages();
  const [list, setList] = useState<Team[]>();
  useEffect(() => {
    let current = true;
    call(api().GET('/teams'))
      .then((result) => current && setList(result.items))
      .catch(() => current && setList([]));
    return () => {
      current = false;
    };
  }, [lang]);
  return list;
}

export const teamName = (teamId: string, list: readonly Team[] | undefined) =>
  list?.find((team) => team.id === teamId)?.name ?? teamId;
