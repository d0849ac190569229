import { useEffect, useState } from 'preact/hooks';
import { api, call, type Ticket, type TicketStatus } from '../api/client';
import { ApiError } from '../api/problem';
import { Loading, Page } from '../components/Page';
import { Paging } from '../components/Paging';
import { type MessageKey, useI18n } from '../i18n';
import { formatShortDate } from '../i18n/dates';
import { nextSort, type Sort, type SortKey, sortTickets } from '../lib/sort';
import { Link, navigate, useLocation } from '../router';
import { RequireSignIn } from './RequireSignIn';

const STATUSES: readonly TicketStatus[] = [
  'open',
  'in_progress',
  'waiting_on_requester',
  'forwarded',
  'resolved',
  'closed',
];
const isStatus = (value: string | null): value is TicketStatus => STATUSES.includes(value as TicketStatus);
const PAGE_SIZE = 25;

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: 'number', label: 'tickets.number' },
  { key: 'createdAt', label: 'tickets.date' },
  { key: 'statusLabel', label: 'tickets.status' },
  { key: 'subject', label: 'tickets.subject' },
];

function TicketsTable({ tickets }: { tickets: Ticket[] }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<Sort>({ key: 'createdAt', direction: 'descending' });
  const rows = sortTickets(tickets, sort, lang === 'oc' ? 'ca' : lang);
  return (
    <div class="table-wrap">
      <table class="tickets">
        <caption>
          {t('tickets.caption')}
          <span class="hint caption-hint">{t('tickets.sortNote')}</span>
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col" aria-sort={sort.key === column.key ? sort.direction : undefined}>
                <button type="button" class="sort" onClick={() => setSort(nextSort(sort, column.key))}>
                  {t(column.label)}
                  <span class="sort-icon" aria-hidden="true">
                    {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((ticket) => (
            <tr key={ticket.id}>
              <td data-label={t('tickets.number')}>
                <Link href={`/tickets/${encodeURIComponent(ticket.id)}`}>{ticket.number}</Link>
              </td>
              <td data-label={t('tickets.date')}>
                <time dateTime={ticket.createdAt}>{formatShortDate(ticket.createdAt)}</time>
              </td>
              <td data-label={t('tickets.status')}>
                <span class={`status status--${ticket.status}`}>{ticket.statusLabel}</span>
              </td>
              <td data-label={t('tickets.subject')}>{ticket.subject}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Tickets() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const status = search.get('status');
  const filter = isStatus(status) ? status : undefined;
  // Cursors of the pages before this one, so Previous needs no cursor from the API.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<{ items: Ticket[]; nextCursor: string | null }>();
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState<string>(filter ?? '');
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    setCursors([undefined]);
    setChosen(filter ?? '');
  }, [filter]);

  useEffect(() => {
    let current = true;
    setError(undefined);
    const query = { limit: PAGE_SIZE, ...(filter ? { status: filter } : {}), ...(cursor ? { cursor } : {}) };
    call(api().GET('/tickets', { params: { query } }))
      .then((result) => current && setPage(result))
      .catch(
        (failure: unknown) =>
          current &&
          setError(t(failure instanceof ApiError && failure.status === 0 ? 'error.network' : 'error.generic')),
      );
    return () => {
      current = false;
    };
  }, [filter, cursor, lang]);

  const applyFilter = (event: Event) => {
    event.preventDefault();
    navigate(chosen ? `/tickets?status=${chosen}` : '/tickets');
  };

  return (
    <Page title={t('tickets.title')}>
      <form class="filter" onSubmit={applyFilter}>
        <div class="field field--inline">
          <label for="status-filter">{t('tickets.filter')}</label>
          <select id="status-filter" onChange={(event) => setChosen(event.currentTarget.value)}>
            <option value="" selected={chosen === ''}>
              {t('tickets.all')}
            </option>
            {STATUSES.map((value) => (
              <option key={value} value={value} selected={chosen === value}>
                {t(`status.${value}` as MessageKey)}
              </option>
            ))}
          </select>
          <button type="submit" class="button button--secondary">
            {t('tickets.apply')}
          </button>
        </div>
      </form>
      {error ? (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      ) : !page ? (
        <Loading />
      ) : page.items.length === 0 && cursors.length === 1 ? (
        <div class="panel">
          <p>{t(filter ? 'tickets.emptyFiltered' : 'tickets.empty')}</p>
          <p>
            <Link href="/new">{t('nav.new')}</Link>
          </p>
        </div>
      ) : (
        <>
          <TicketsTable tickets={page.items} />
          <Paging cursors={cursors} nextCursor={page.nextCursor} onChange={setCursors} />
        </>
      )}
    </Page>
  );
}

export default function MyTickets() {
  return (
    <RequireSignIn>
      <Tickets />
    </RequireSignIn>
  );
}
