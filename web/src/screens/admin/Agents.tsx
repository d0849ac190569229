/** Staff: who works in the organisation (/admin/agents) and where one of them works (/admin/agents/:id). */
import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import { Checkbox, CheckboxGroup, type Option, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import type { Language } from '../../i18n/languages';
import { Link, navigate } from '../../router';
import { messages } from './messages';
import {
  type Catalogue,
  ConflictNotice,
  ifMatch,
  loadCatalogue,
  SaveStatus,
  SaveSummary,
  useDocument,
  useSave,
} from './shared';

type StoredAgent = Schemas['StoredAgent'];

export function Agents({ organisationId, id, directory }: { organisationId: string; id?: string; directory: boolean }) {
  if (id) return <AgentScreen userId={id} />;
  return <AgentList organisationId={organisationId} directory={directory} />;
}

/** The organisation's topics as staff classify them: each level-2 topic followed by its level-3 ones. */
export function topicOptions(catalogue: Catalogue, lang: Language): Option[] {
  const byOrder = (a: { order?: number; id: string }, b: { order?: number; id: string }) =>
    (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id);
  const topics = catalogue.topics;
  const ids = new Set(topics.map((topic) => topic.id));
  const roots = topics.filter((topic) => !topic.parentId || !ids.has(topic.parentId)).toSorted(byOrder);
  return roots.flatMap((root) => [
    { value: root.id, label: root.name[lang] },
    ...topics
      .filter((topic) => topic.parentId === root.id)
      .toSorted(byOrder)
      .map((topic) => ({ value: topic.id, label: `${root.name[lang]} › ${topic.name[lang]}` })),
  ]);
}

const teamOptions = (catalogue: Catalogue, lang: Language): Option[] =>
  catalogue.teams
    .map((team) => ({ value: team.id, label: team.name[lang] }))
    .toSorted((a, b) => a.label.localeCompare(b.label, lang));

const namesOf = (ids: readonly string[], options: readonly Option[]) =>
  options.filter((option) => ids.includes(option.value)).map((option) => option.label);

function AgentList({ organisationId, directory }: { organisationId: string; directory: boolean }) {
  const { t, lang } = useMessages(messages);
  const data = useDocument(
    () =>
      directory ? Promise.all([call(api().GET('/agents')), loadCatalogue(organisationId)]) : Promise.resolve(undefined),
    [organisationId, directory],
  );
  const title = t('section.agents');
  if (!directory) {
    return (
      <Page title={title}>
        <p>{t('agents.elsewhere')}</p>
        <OpenAgent />
      </Page>
    );
  }
  if (data.failure) {
    return (
      <Page title={title}>
        <p class="notice notice--error">{data.failure}</p>
      </Page>
    );
  }
  if (!data.data) return <Loading />;
  const [agents, catalogue] = data.data;
  const teams = teamOptions(catalogue, lang);
  const topics = topicOptions(catalogue, lang);
  const list = agents.items.toSorted((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <Page title={title} lead={<p class="lead">{t('agents.lead')}</p>}>
      <div class="table-wrap">
        <table class="admin-table">
          <caption>{t('agents.caption', { n: list.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agents.name')}</th>
              <th scope="col">{t('agents.teams')}</th>
              <th scope="col">{t('agents.topics')}</th>
              <th scope="col">{t('agents.supervisorShort')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((agent) => {
              const teamNames = namesOf(agent.teamIds, teams);
              const topicNames = namesOf(agent.topicIds, topics);
              return (
                <tr key={agent.userId}>
                  <th scope="row" data-label={t('agents.name')}>
                    <Link href={`/admin/agents/${encodeURIComponent(agent.userId)}`}>{agent.name}</Link>
                  </th>
                  <td data-label={t('agents.teams')}>
                    {teamNames.length ? teamNames.join(', ') : t('agents.noneTeams')}
                  </td>
                  <td data-label={t('agents.topics')}>
                    {topicNames.length ? topicNames.join(', ') : t('agents.noneTopics')}
                  </td>
                  <td data-label={t('agents.supervisorShort')}>{t(agent.supervisor ? 'form.yes' : 'no')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Page>
  );
}

/** An admin from elsewhere opens a member of staff by their user id (the API has no list for them). */
function OpenAgent() {
  const { t } = useMessages(messages);
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string>();
  const open = (event: Event) => {
    event.preventDefault();
    const id = userId.trim();
    if (!/^[A-Za-z0-9-]{1,64}$/.test(id)) return setError(t('agents.userIdInvalid'));
    navigate(`/admin/agents/${encodeURIComponent(id)}`);
  };
  return (
    <form onSubmit={open} noValidate class="admin-form">
      <TextField
        path="userId"
        label={t('agents.userId')}
        value={userId}
        onInput={setUserId}
        error={error}
        spellcheck={false}
        autocomplete="off"
      />
      <button type="submit" class="button button--secondary">
        {t('agents.open')}
      </button>
    </form>
  );
}

function AgentScreen({ userId }: { userId: string }) {
  const { t, lang } = useMessages(messages);
  // Teams and topics of the organisation the person works for (an admin may open anyone's).
  const data = useDocument(async () => {
    const agent = await call(api().GET('/agents/{userId}', { params: { path: { userId } } }));
    return { agent, catalogue: await loadCatalogue(agent.organisationId) };
  }, [userId]);
  if (data.failure) {
    return (
      <Page title={t(data.missing ? 'agents.notFound' : 'section.agents')}>
        <p class="notice notice--error">{data.failure}</p>
        <p>
          <Link href="/admin/agents">{t('agents.all')}</Link>
        </p>
      </Page>
    );
  }
  if (!data.data) return <Loading />;
  const { agent, catalogue } = data.data;
  return (
    <Page title={agent.name} lead={<p class="lead">{t('agents.kind')}</p>}>
      <dl class="facts">
        <div>
          <dt>{t('agents.email')}</dt>
          <dd>{agent.email}</dd>
        </div>
        <div>
          <dt>{t('admin.organisation')}</dt>
          <dd>{catalogue.organisation?.name[lang] ?? agent.organisationId}</dd>
        </div>
      </dl>
      <AgentForm
        key={data.generation}
        agent={agent}
        catalogue={catalogue}
        reload={data.reload}
        saved={(next) => data.replace({ agent: next, catalogue })}
      />
      <p>
        <Link href="/admin/agents">{t('agents.all')}</Link>
      </p>
    </Page>
  );
}

function AgentForm({
  agent,
  catalogue,
  reload,
  saved,
}: {
  agent: StoredAgent;
  catalogue: Catalogue;
  reload: () => void;
  saved: (agent: StoredAgent) => void;
}) {
  const { t, lang } = useMessages(messages);
  const [teamIds, setTeamIds] = useState(agent.teamIds);
  const [topicIds, setTopicIds] = useState(agent.topicIds);
  const [supervisor, setSupervisor] = useState(agent.supervisor);
  const save = useSave(['teamIds', 'topicIds', 'supervisor']);
  const teams = teamOptions(catalogue, lang);
  const topics = topicOptions(catalogue, lang);
  // In the lists' order, so the same choices always make the same document.
  const ordered = (ids: readonly string[], options: readonly Option[]) =>
    options.map((option) => option.value).filter((id) => ids.includes(id));

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await save.run(
      () =>
        call(
          api().PUT('/agents/{userId}', {
            params: { path: { userId: agent.userId }, header: ifMatch(agent.version) },
            body: {
              organisationId: agent.organisationId,
              teamIds: ordered(teamIds, teams),
              topicIds: ordered(topicIds, topics),
              supervisor,
            },
          }),
        ),
      { saved: t('saved') },
    );
    if (result) saved(result);
  };

  return (
    <form onSubmit={submit} noValidate class="admin-form">
      <SaveSummary save={save} />
      {save.conflict ? <ConflictNotice onReload={reload} /> : null}
      {teams.length > 0 ? (
        <CheckboxGroup
          path="teamIds"
          label={t('agents.teams')}
          hint={t('agents.teamsHint')}
          options={teams}
          value={teamIds}
          onChange={setTeamIds}
          error={save.errors.teamIds}
        />
      ) : (
        <p>{t('teams.none')}</p>
      )}
      {topics.length > 0 ? (
        <CheckboxGroup
          path="topicIds"
          label={t('agents.topics')}
          hint={t('agents.topicsHint')}
          options={topics}
          value={topicIds}
          onChange={setTopicIds}
          error={save.errors.topicIds}
        />
      ) : null}
      <Checkbox
        path="supervisor"
        label={t('agents.supervisor')}
        hint={t('agents.supervisorHint')}
        value={supervisor}
        onChange={setSupervisor}
        error={save.errors.supervisor}
      />
      <button type="submit" class="button" disabled={save.busy}>
        {save.busy ? t('form.sending') : t('save')}
      </button>
      <SaveStatus text={save.saved} />
    </form>
  );
}
