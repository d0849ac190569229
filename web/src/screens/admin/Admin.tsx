/**
 * The administration of an organisation's service (/admin/:section/:id): supervisors administer
 * their own organisation, admins choose one first. A menu of the sections above each section's
 * own page; the overview says what each holds and what changed last.
 */
import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import { ADMIN_GROUPS, hasGroup, useProfile } from '../../auth/profile';
import { session } from '../../auth/session';
import { Loading, Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import { formatDateTime } from '../../i18n/dates';
import type { Language } from '../../i18n/languages';
import { createStore, useStore } from '../../lib/store';
import { Link, type Params } from '../../router';
import { RequireSignIn } from '../RequireSignIn';
import { Agents } from './Agents';
import { CalendarSection, describeWeek } from './Calendar';
import { TopicsSection } from './topics/TopicsSection';
import './admin.css';
import { messages } from './messages';
import { describeCommitment, SlaPolicySection } from './SlaPolicy';
import { type Catalogue, loadCatalogue, useDocument } from './shared';
import { Teams } from './Teams';

/** The organisations of catalogues/*.yaml: what an admin chooses from. */
export const ORGANISATIONS = ['dipu', 'gencat', 'hestia', 'oac360', 'salut'] as const;

/** An admin's choice, for as long as the page is open (a reload signs out anyway). */
const chosen = createStore<string>('');

const SECTIONS = ['', 'teams', 'agents', 'topics', 'calendar', 'sla', 'history'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (value: string): value is Section => (SECTIONS as readonly string[]).includes(value);

type AuditEntry = Schemas['AuditPage']['items'][number];
type Agent = Schemas['AgentList']['items'][number];

function SectionsMenu({ current, id }: { current: Section; id?: string }) {
  const { t } = useMessages(messages);
  return (
    <nav class="admin-nav" aria-label={t('admin.sections')}>
      <ul>
        {SECTIONS.map((section) => {
          const here = section === current;
          return (
            <li key={section}>
              <Link
                href={section ? `/admin/${section}` : '/admin'}
                // The section's own page, or a page within it (a team of the teams).
                aria-current={here ? (id ? 'true' : 'page') : undefined}
              >
                {t(`section.${section || 'overview'}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Admins administer any organisation: a select of them, remembered while the page is open. */
function OrganisationChooser({ inline }: { inline?: boolean }) {
  const { t } = useMessages(messages);
  const current = useStore(chosen);
  const [value, setValue] = useState(current);
  const choose = (event: Event) => {
    event.preventDefault();
    chosen.set(value);
  };
  return (
    <form class={inline ? 'admin-chooser admin-chooser--inline' : 'admin-chooser'} onSubmit={choose}>
      <div class="field field--inline">
        <label for="admin-organisation">{t('admin.organisation')}</label>
        <select id="admin-organisation" onChange={(event) => setValue(event.currentTarget.value)}>
          <option value="" selected={value === ''}>
            {t('form.choose')}
          </option>
          {ORGANISATIONS.map((id) => (
            <option key={id} value={id} selected={value === id}>
              {id}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--secondary">
          {t('admin.chooseSubmit')}
        </button>
      </div>
    </form>
  );
}

function AdminArea({ section, id }: { section: string; id?: string }) {
  const { t } = useMessages(messages);
  const signedIn = useStore(session);
  const profile = useProfile();
  const organisation = useStore(chosen);
  const admin = hasGroup(signedIn, ['admin']);

  if (!isSection(section)) {
    return (
      <Page title={t('notFound.title')}>
        <p>{t('notFound.text')}</p>
        <p>
          <Link href="/admin">{t('section.overview')}</Link>
        </p>
      </Page>
    );
  }
  if (!profile) return <Loading />;
  const organisationId = admin ? organisation : profile.staff?.supervisor ? profile.staff.organisationId : '';
  // GET /agents lists the caller's own organisation: an admin from elsewhere cannot list it.
  const directory = !!organisationId && profile.staff?.organisationId === organisationId;
  if (!admin && !organisationId) {
    // The group alone does not say which organisation is theirs: the API refuses too.
    return (
      <Page title={t('forbidden.title')}>
        <p>{t('admin.noOrganisation')}</p>
      </Page>
    );
  }
  return (
    <>
      <SectionsMenu current={section} id={id} />
      {admin && organisationId ? <OrganisationChooser inline /> : null}
      {!organisationId ? (
        <Page title={t('admin.title')} lead={<p class="lead">{t('admin.chooseLead')}</p>}>
          <OrganisationChooser />
        </Page>
      ) : (
        <SectionScreen section={section} id={id} organisationId={organisationId} directory={directory} />
      )}
    </>
  );
}

function SectionScreen({
  section,
  id,
  organisationId,
  directory,
}: {
  section: Section;
  id?: string;
  organisationId: string;
  directory: boolean;
}) {
  // Each section is remounted by the router for each address: its data is read fresh.
  switch (section) {
    case 'teams':
      return <Teams organisationId={organisationId} id={id} />;
    case 'agents':
      return <Agents organisationId={organisationId} id={id} directory={directory} />;
    case 'topics':
      return <TopicsSection organisationId={organisationId} id={id} />;
    case 'calendar':
      return <CalendarSection organisationId={organisationId} />;
    case 'sla':
      return <SlaPolicySection organisationId={organisationId} />;
    case 'history':
      return <History organisationId={organisationId} directory={directory} />;
    default:
      return <Overview organisationId={organisationId} directory={directory} />;
  }
}

const KIND_KEYS = {
  organisation: 'kind.organisation',
  calendar: 'kind.calendar',
  slaPolicy: 'kind.slaPolicy',
  team: 'kind.team',
  topic: 'kind.topic',
  agent: 'kind.agent',
} as const;

/**
 * What an audit line is about, in words: a team's or topic's name, a person's name, else its id
 * (the calendar and the SLA policy are the organisation's one).
 */
type NameOf = (entry: AuditEntry) => string | undefined;
function namesFrom(catalogue: Catalogue | undefined, agents: Agent[] | undefined, lang: Language): NameOf {
  return (entry) => {
    if (entry.kind === 'calendar' || entry.kind === 'slaPolicy') return undefined;
    const named =
      entry.kind === 'agent'
        ? agents?.find((agent) => agent.userId === entry.documentId)?.name
        : entry.kind === 'organisation'
          ? catalogue?.organisation?.name[lang]
          : [...(catalogue?.teams ?? []), ...(catalogue?.topics ?? [])].find((doc) => doc.id === entry.documentId)
              ?.name[lang];
    return named ?? entry.documentId;
  };
}

function Overview({ organisationId, directory }: { organisationId: string; directory: boolean }) {
  const { t, lang } = useMessages(messages);
  const catalogue = useDocument(() => loadCatalogue(organisationId), [organisationId, lang]);
  const agents = useDocument(
    () => (directory ? call(api().GET('/agents')) : Promise.resolve({ items: [] })),
    [organisationId, directory],
  );
  const changes = useDocument(
    () => call(api().GET('/audit', { params: { query: { organisationId, limit: 5 } } })),
    [organisationId],
  );
  const data = catalogue.data;
  const title = t('admin.title');
  if (catalogue.failure) {
    return (
      <Page title={title}>
        <p class="notice notice--error">{catalogue.failure}</p>
      </Page>
    );
  }
  if (!data) return <Loading />;
  const name = data.organisation?.name[lang] ?? organisationId;
  const defaultRule = data.slaPolicy?.rules.find((rule) => !rule.priority && !rule.topicId);
  const agentCount = agents.data?.items.length;
  return (
    <Page title={title} lead={<p class="lead">{name}</p>}>
      <ul class="admin-cards">
        <li>
          <h2>
            <Link href="/admin/teams">{t('section.teams')}</Link>
          </h2>
          <p>{t(data.teams.length === 1 ? 'count.team' : 'count.teams', { n: data.teams.length })}</p>
        </li>
        <li>
          <h2>
            <Link href="/admin/agents">{t('section.agents')}</Link>
          </h2>
          <p>
            {!directory
              ? t('agents.elsewhere')
              : agents.failure
                ? agents.failure
                : agentCount === undefined
                  ? t('app.loading')
                  : t(agentCount === 1 ? 'count.agent' : 'count.agents', { n: agentCount })}
          </p>
        </li>
        <li>
          <h2>
            <Link href="/admin/topics">{t('section.topics')}</Link>
          </h2>
          <p>{t(data.topics.length === 1 ? 'count.topic' : 'count.topics', { n: data.topics.length })}</p>
        </li>
        <li>
          <h2>
            <Link href="/admin/calendar">{t('section.calendar')}</Link>
          </h2>
          {data.calendar ? (
            <>
              <p>{t('overview.timeZone', { zone: data.calendar.timeZone })}</p>
              <p>{describeWeek(data.calendar, t)}</p>
              <p>
                {t(data.calendar.holidays.length === 1 ? 'count.holiday' : 'count.holidays', {
                  n: data.calendar.holidays.length,
                })}
              </p>
            </>
          ) : (
            <p>{t('overview.noCalendar')}</p>
          )}
        </li>
        <li>
          <h2>
            <Link href="/admin/sla">{t('section.sla')}</Link>
          </h2>
          {defaultRule ? (
            <p>
              {t('overview.sla', {
                first: describeCommitment(defaultRule.firstResponse, t),
                resolution: describeCommitment(defaultRule.resolution, t),
              })}
            </p>
          ) : (
            <p>{t('overview.noSla')}</p>
          )}
        </li>
      </ul>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('overview.recent')}</h2>
        {changes.failure ? (
          <p class="notice notice--error">{changes.failure}</p>
        ) : !changes.data ? (
          <Loading />
        ) : changes.data.items.length === 0 ? (
          <p>{t('history.empty')}</p>
        ) : (
          <ul class="admin-changes">
            {changes.data.items.map((entry) => (
              <li key={entry.id}>
                <ChangeLine entry={entry} nameOf={namesFrom(data, agents.data?.items, lang)} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/admin/history">{t('overview.allChanges')}</Link>
        </p>
      </section>
    </Page>
  );
}

function ChangeLine({ entry, nameOf }: { entry: AuditEntry; nameOf: NameOf }) {
  const { t, lang } = useMessages(messages);
  const name = nameOf(entry);
  return (
    <>
      <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time> —{' '}
      {t('history.line', {
        who: entry.by.name,
        what: name ? t('history.named', { kind: t(KIND_KEYS[entry.kind]), name }) : t(KIND_KEYS[entry.kind]),
        change: t(entry.before ? 'history.kindChanged' : 'history.kindCreated').toLocaleLowerCase(),
      })}
    </>
  );
}

/** Every change made through administration, newest first, a page at a time. */
function History({ organisationId, directory }: { organisationId: string; directory: boolean }) {
  const { t, lang } = useMessages(messages);
  const names = useDocument(
    () =>
      Promise.all([loadCatalogue(organisationId), directory ? call(api().GET('/agents')) : Promise.resolve(undefined)]),
    [organisationId, directory],
  );
  const nameOf = namesFrom(names.data?.[0], names.data?.[1]?.items, lang);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useDocument(
    () =>
      call(api().GET('/audit', { params: { query: { organisationId, limit: 25, ...(cursor ? { cursor } : {}) } } })),
    [organisationId, cursor],
  );
  const title = t('section.history');
  if (page.failure) {
    return (
      <Page title={title}>
        <p class="notice notice--error">{page.failure}</p>
      </Page>
    );
  }
  if (!page.data) return <Loading />;
  const items = page.data.items;
  const next = page.data.nextCursor;
  return (
    <Page title={title} lead={<p class="lead">{t('history.lead')}</p>}>
      {items.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption>{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.who')}</th>
                <th scope="col">{t('history.what')}</th>
                <th scope="col">{t('history.document')}</th>
                <th scope="col">{t('history.change')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td data-label={t('history.when')}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                  </td>
                  <td data-label={t('history.who')}>{entry.by.name}</td>
                  <td data-label={t('history.what')}>{t(KIND_KEYS[entry.kind])}</td>
                  <td data-label={t('history.document')}>{nameOf(entry) ?? '—'}</td>
                  <td data-label={t('history.change')}>
                    {t(entry.before ? 'history.kindChanged' : 'history.kindCreated')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursors.length > 1 || next ? (
        <nav class="paging" aria-label={t('history.paging')}>
          {cursors.length > 1 ? (
            <button type="button" class="button button--secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
              {t('history.newer')}
            </button>
          ) : null}
          {next ? (
            <button type="button" class="button button--secondary" onClick={() => setCursors((c) => [...c, next])}>
              {t('history.older')}
            </button>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}

export default function Admin({ params }: { params: Params }) {
  return (
    <RequireSignIn groups={ADMIN_GROUPS}>
      <AdminArea section={params.section ?? ''} id={params.id} />
    </RequireSignIn>
  );
}
