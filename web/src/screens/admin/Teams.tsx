/** Teams: the list (/admin/teams), one team (/admin/teams/:id) and a new one (/admin/teams/new). */
import { useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import { RadioGroup, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import { Link, navigate } from '../../router';
import { messages } from './messages';
import { checkTeam, type TeamDraft, teamBody } from './model';
import {
  ConflictNotice,
  EMPTY_LOCALIZED,
  flashStatus,
  ifMatch,
  loadCatalogue,
  NamesEditor,
  SaveStatus,
  SaveSummary,
  Stamp,
  useDocument,
  useLanguageLabels,
  useSave,
} from './shared';

type StoredTeam = Schemas['StoredTeam'];

export function Teams({ organisationId, id }: { organisationId: string; id?: string }) {
  if (id === 'new') return <TeamScreen organisationId={organisationId} />;
  if (id) return <TeamScreen organisationId={organisationId} teamId={id} />;
  return <TeamList organisationId={organisationId} />;
}

function TeamList({ organisationId }: { organisationId: string }) {
  const { t, lang } = useMessages(messages);
  const catalogue = useDocument(() => loadCatalogue(organisationId), [organisationId]);
  const title = t('section.teams');
  if (catalogue.failure) {
    return (
      <Page title={title}>
        <p class="notice notice--error">{catalogue.failure}</p>
      </Page>
    );
  }
  if (!catalogue.data) return <Loading />;
  const teams = catalogue.data.teams.toSorted((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  return (
    <Page title={title} lead={<p class="lead">{t('teams.lead')}</p>}>
      <p>
        <Link href="/admin/teams/new" class="button">
          {t('teams.new')}
        </Link>
      </p>
      {teams.length === 0 ? (
        <p>{t('teams.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table">
            <caption>{t('teams.caption', { n: teams.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teams.name')}</th>
                <th scope="col">{t('teams.id')}</th>
                <th scope="col">{t('teams.level')}</th>
                <th scope="col">{t('teams.assignment')}</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row" data-label={t('teams.name')}>
                    <Link href={`/admin/teams/${encodeURIComponent(team.id)}`}>{team.name[lang]}</Link>
                  </th>
                  <td data-label={t('teams.id')}>
                    <code>{team.id}</code>
                  </td>
                  <td data-label={t('teams.level')}>
                    {t(team.level === 2 ? 'teams.level2short' : 'teams.level1short')}
                  </td>
                  <td data-label={t('teams.assignment')}>
                    {t(team.assignment === 'automatic' ? 'teams.automaticShort' : 'teams.manualShort')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

/** One team, read with its version; a new one has none. */
function TeamScreen({ organisationId, teamId }: { organisationId: string; teamId?: string }) {
  const { t, lang } = useMessages(messages);
  const team = useDocument(
    () =>
      teamId === undefined
        ? Promise.resolve(undefined)
        : call(api().GET('/teams/{teamId}', { params: { path: { teamId } } })),
    [teamId],
  );
  if (teamId !== undefined && team.failure) {
    return (
      <Page title={t(team.missing ? 'teams.notFound' : 'section.teams')}>
        <p class="notice notice--error">{team.failure}</p>
        <p>
          <Link href="/admin/teams">{t('teams.all')}</Link>
        </p>
      </Page>
    );
  }
  if (teamId !== undefined && !team.data) return <Loading />;
  return (
    <Page title={team.data ? team.data.name[lang] : t('teams.new')} lead={<p class="lead">{t('teams.kind')}</p>}>
      <Stamp updatedBy={team.data?.updatedBy} updatedAt={team.data?.updatedAt} />
      <TeamForm
        key={team.generation}
        organisationId={organisationId}
        team={team.data}
        reload={team.reload}
        saved={team.replace}
      />
      <p>
        <Link href="/admin/teams">{t('teams.all')}</Link>
      </p>
    </Page>
  );
}

function TeamForm({
  organisationId,
  team,
  reload,
  saved,
}: {
  organisationId: string;
  team: StoredTeam | undefined;
  reload: () => void;
  saved: (team: StoredTeam) => void;
}) {
  const { t } = useMessages(messages);
  const isNew = team === undefined;
  const [draft, setDraft] = useState<TeamDraft>(() =>
    team
      ? { id: team.id, name: { ...team.name }, level: team.level === 2 ? '2' : '1', assignment: team.assignment }
      : // Ids are shared by every organisation: starting with this one's avoids most clashes.
        { id: `${organisationId}-`, name: { ...EMPTY_LOCALIZED }, level: '1', assignment: 'manual' },
  );
  const names = useLanguageLabels(t('teams.name'));
  const shownPaths = [...(isNew ? ['id'] : []), 'name.ca', 'name.es', 'name.oc', 'name.en', 'level', 'assignment'];
  const save = useSave(shownPaths);
  const set = <K extends keyof TeamDraft>(key: K, value: TeamDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const labels = { id: t('teams.id'), level: t('teams.level'), assignment: t('teams.assignment'), name: names };
    if (save.refuse(checkTeam(draft, isNew, labels, t))) return;
    const teamId = isNew ? draft.id.trim() : team.id;
    const result = await save.run(
      () =>
        call(
          api().PUT('/teams/{teamId}', {
            params: { path: { teamId }, header: ifMatch(team?.version) },
            body: teamBody(draft, organisationId),
          }),
        ),
      {
        saved: t('saved'),
        conflictAt: isNew ? { path: 'id', message: t('teams.idTaken') } : undefined,
      },
    );
    if (!result) return;
    if (isNew) {
      flashStatus(t('teams.created'));
      navigate(`/admin/teams/${encodeURIComponent(result.id)}`);
    } else saved(result);
  };

  return (
    <form onSubmit={submit} noValidate class="admin-form">
      <SaveSummary save={save} />
      {save.conflict ? <ConflictNotice onReload={reload} /> : null}
      {isNew ? (
        <TextField
          path="id"
          label={t('teams.id')}
          hint={t('teams.idHint')}
          value={draft.id}
          onInput={(value) => set('id', value)}
          error={save.errors.id}
          spellcheck={false}
          autocomplete="off"
          width="medium"
        />
      ) : null}
      <NamesEditor
        path="name"
        legend={t('teams.name')}
        hint={t('names.hint')}
        value={draft.name}
        onChange={(value) => set('name', value)}
        errors={save.errors}
      />
      <RadioGroup
        path="level"
        label={t('teams.level')}
        value={draft.level}
        onChange={(value) => set('level', value as TeamDraft['level'])}
        options={[
          { value: '1', label: t('teams.level1') },
          { value: '2', label: t('teams.level2') },
        ]}
        error={save.errors.level}
      />
      <RadioGroup
        path="assignment"
        label={t('teams.assignment')}
        value={draft.assignment}
        onChange={(value) => set('assignment', value as TeamDraft['assignment'])}
        options={[
          { value: 'manual', label: t('teams.manual') },
          { value: 'automatic', label: t('teams.automatic') },
        ]}
        error={save.errors.assignment}
      />
      <button type="submit" class="button" disabled={save.busy}>
        {save.busy ? t('form.sending') : t(isNew ? 'teams.create' : 'save')}
      </button>
      <SaveStatus text={save.saved} />
    </form>
  );
}
