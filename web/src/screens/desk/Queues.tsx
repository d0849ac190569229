/**
 * `/desk`: the work queues of agents and supervisors. Three views as the API names them
 * (`assigned`, `queue`, `team`), a team and filters, all in the address (`?view=queue&team=…`)
 * so reload and Back keep them. Rows come in the API's order, the next due time first.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Ticket, type TicketStatus } from '../../api/client';
import { STAFF_GROUPS, useProfile } from '../../auth/profile';
import { Loading, Page } from '../../components/Page';
import { Paging } from '../../components/Paging';
import { Link, navigate, useLocation } from '../../router';
import { RequireSignIn } from '../RequireSignIn';
import { failureText } from '../TicketView';
import {
  ACTIVE_STATUSES,
  PRIORITIES,
  type Priority,
  priorityWords,
  SlaBadge,
  statusWords,
  type Team,
  teamName,
  useDeskMessages,
  useNow,
  useTeams,
} from './common';

type View = 'assigned' | 'queue' | 'team';
const VIEWS: readonly View[] = ['assigned', 'queue', 'team'];
const PAGE_SIZE = 25;

interface Query {
  view: View;
  team?: string;
  status?: TicketStatus;
  priority?: Priority;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** The address of a view with its team and filters; the defaults are left out. */
export function deskHref({ view, team, status, priority }: Query): string {
  const query = new URLSearchParams({ view });
  if (team && view !== 'assigned') query.set('team', team);
  if (status) query.set('status', status);
  if (priority) query.set('priority', priority);
  return `/desk?${query}`;
}

function QueueTable({ tickets, caption }: { tickets: Ticket[]; caption: string }) {
  const { t } = useDeskMessages();
  const now = useNow();
  return (
    <div class="table-wrap">
      <table class="tickets desk-queue">
        <caption>
          {caption}
          <span class="hint caption-hint">{t('caption.order')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('col.number')}</th>
            <th scope="col">{t('col.subject')}</th>
            <th scope="col">{t('col.sla')}</th>
            <th scope="col">{t('col.priority')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.topic')}</th>
            <th scope="col">{t('col.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id}>
              <td data-label={t('col.number')} class="desk-nowrap">
                <Link href={`/desk/tickets/${encodeURIComponent(ticket.id)}`}>{ticket.number}</Link>
              </td>
              <td data-label={t('col.subject')}>{ticket.subject}</td>
              <td data-label={t('col.sla')} class="desk-nowrap">
                <SlaBadge ticket={ticket} now={now} />
              </td>
              <td data-label={t('col.priority')} class="desk-nowrap">
                {priorityWords(ticket.priority, t)}
              </td>
              <td data-label={t('col.status')}>
                <span class={`status status--${ticket.status}`}>{statusWords(ticket.status, t)}</span>
              </td>
              <td data-label={t('col.topic')}>{ticket.topic.name}</td>
              <td data-label={t('col.assignee')}>{ticket.assignee?.name ?? t('unassigned')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The filters as a form: chosen here, applied to the address on submit (like My tickets). */
function Filters({ query, teams }: { query: Query; teams: Team[] }) {
  const { t } = useDeskMessages();
  const [team, setTeam] = useState(query.team ?? '');
  const [status, setStatus] = useState<string>(query.status ?? '');
  const [priority, setPriority] = useState<string>(query.priority ?? '');
  useEffect(() => {
    setTeam(query.team ?? '');
    setStatus(query.status ?? '');
    setPriority(query.priority ?? '');
  }, [query.team, query.status, query.priority]);
  const apply = (event: Event) => {
    event.preventDefault();
    navigate(
      deskHref({
        view: query.view,
        team: team || undefined,
        status: pick(status, ACTIVE_STATUSES),
        priority: pick(priority, PRIORITIES),
      }),
    );
  };
  const chooseTeam = query.view !== 'assigned' && teams.length > 1;
  return (
    <form class="filter desk-filters" onSubmit={apply} aria-label={t('filter.title')}>
      {chooseTeam ? (
        <div class="field">
          <label for="desk-team">{t('filter.team')}</label>
          <select id="desk-team" onChange={(event) => setTeam(event.currentTarget.value)}>
            {teams.map((option) => (
              <option key={option.id} value={option.id} selected={option.id === team}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for="desk-status">{t('filter.status')}</label>
        <select id="desk-status" onChange={(event) => setStatus(event.currentTarget.value)}>
          <option value="" selected={status === ''}>
            {t('filter.any')}
          </option>
          {ACTIVE_STATUSES.map((value) => (
            <option key={value} value={value} selected={status === value}>
              {t(`st.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="desk-priority">{t('filter.priority')}</label>
        <select id="desk-priority" onChange={(event) => setPriority(event.currentTarget.value)}>
          <option value="" selected={priority === ''}>
            {t('filter.any')}
          </option>
          {PRIORITIES.map((value) => (
            <option key={value} value={value} selected={priority === value}>
              {priorityWords(value, t)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('filter.apply')}
      </button>
    </form>
  );
}

function Desk() {
  const { t, lang } = useDeskMessages();
  const profile = useProfile();
  const allTeams = useTeams();
  const { search } = useLocation();
  const staff = profile?.staff;
  // Supervisors may look at any team of their organisation; agents at their own.
  const teams: Team[] | undefined =
    !profile || !allTeams
      ? undefined
      : !staff
        ? []
        : staff.supervisor
          ? allTeams
          : staff.teamIds.map(
              (id) => allTeams.find((team) => team.id === id) ?? { id, name: id, level: 1, assignment: 'manual' },
            );
  const view = pick(search.get('view'), VIEWS) ?? 'assigned';
  const wanted = search.get('team');
  const team = teams?.find((option) => option.id === wanted)?.id ?? staff?.teamIds[0] ?? teams?.[0]?.id;
  const query: Query = {
    view,
    team,
    status: pick(search.get('status'), ACTIVE_STATUSES),
    priority: pick(search.get('priority'), PRIORITIES),
  };
  const filtered = query.status !== undefined || query.priority !== undefined;
  const key = deskHref(query);
  // Cursors of the pages before this one (so Previous needs none from the API), for this query only.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key, cursors: [undefined] });
  const cursors = paging.key === key ? paging.cursors : [undefined];
  const setCursors = (next: (string | undefined)[]) => setPaging({ key, cursors: next });
  const [page, setPage] = useState<{ items: Ticket[]; nextCursor: string | null }>();
  const [error, setError] = useState<string>();
  const cursor = cursors[cursors.length - 1];
  const ready = teams !== undefined && (view === 'assigned' || team !== undefined);

  useEffect(() => {
    if (!ready) return;
    let current = true;
    setError(undefined);
    setPage(undefined);
    const params = {
      view,
      limit: PAGE_SIZE,
      ...(view !== 'assigned' && team ? { teamId: team } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.priority ? { priority: query.priority } : {}),
      ...(cursor ? { cursor } : {}),
    };
    call(api().GET('/tickets', { params: { query: params } }))
      .then((result) => current && setPage(result))
      .catch((failure: unknown) => current && setError(failureText(failure, t)));
    return () => {
      current = false;
    };
  }, [key, cursor, lang, ready]);

  const name = team ? teamName(team, teams) : '';
  const caption = view === 'assigned' ? t('caption.assigned') : t(`caption.${view}`, { team: name });
  const empty = filtered
    ? t('empty.filtered')
    : view === 'assigned'
      ? t('empty.assigned')
      : t(`empty.${view}`, { team: name });

  return (
    <Page title={t('desk.title')}>
      <p>
        <Link href="/desk/new">{t('record.link')}</Link>
      </p>
      <nav class="desk-views" aria-label={t('desk.views')}>
        <ul>
          {VIEWS.map((option) => (
            <li key={option}>
              <Link href={deskHref({ ...query, view: option })} aria-current={option === view ? 'page' : undefined}>
                {t(`view.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!teams ? (
        <Loading />
      ) : view !== 'assigned' && !team ? (
        <p class="panel">{t('noTeams')}</p>
      ) : (
        <>
          <Filters query={query} teams={teams} />
          {error ? (
            <p class="notice notice--error" role="alert">
              {error}
            </p>
          ) : !page ? (
            <Loading />
          ) : page.items.length === 0 && cursors.length === 1 ? (
            <div class="panel panel--guidance">
              <h2 class="desk-empty-title">{caption}</h2>
              <p>{empty}</p>
            </div>
          ) : (
            <>
              <QueueTable tickets={page.items} caption={caption} />
              <Paging cursors={cursors} nextCursor={page.nextCursor} onChange={setCursors} />
            </>
          )}
        </>
      )}
    </Page>
  );
}

export default function Queues() {
  return (
    <RequireSignIn groups={STAFF_GROUPS}>
      <Desk />
    </RequireSignIn>
  );
}
