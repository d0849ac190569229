/**
 * The topics administration: the organisation's topics as a tree (`id` undefined), and the
 * editor of one (`id`) or of a new one (`'new'`). The shell (../Admin.tsx) renders it for
 * /admin/topics and /admin/topics/:id.
 */
import { useState } from 'preact/hooks';
import { ADMIN_GROUPS, hasGroup } from '../../../auth/profile';
import { session } from '../../../auth/session';
import { Loading, Page } from '../../../components/Page';
import { useMessages } from '../../../i18n/bundle';
import type { MessageKey } from '../../../i18n/ca';
import { useStore } from '../../../lib/store';
import { Link, navigate, useLocation } from '../../../router';
import { RequireSignIn } from '../../RequireSignIn';
import { type Catalogue, failure, type Level1, parentChoices, useCatalogue } from './catalogue';
import { Select } from './controls';
import { messages } from './messages';
import { type StoredTeam, type TreeNode, topicTree } from './model';
import { TopicEditor } from './TopicEditor';
import './topics.css';

function TopicItem({ node, teams }: { node: TreeNode; teams: readonly StoredTeam[] }) {
  const { t, lang } = useMessages(messages);
  const { topic } = node;
  const team = teams.find((candidate) => candidate.id === topic.teamId);
  return (
    <li>
      <div class="topic-item">
        <p class="topic-title">
          <Link href={`/admin/topics/${encodeURIComponent(topic.id)}`}>{topic.name[lang]}</Link>{' '}
          <span class="topic-level">{t('topics.level', { n: topic.level })}</span>
        </p>
        <dl class="topic-facts">
          <div>
            <dt>{t('topics.team')}</dt>
            <dd>{team ? team.name[lang] : t('topics.noTeam')}</dd>
          </div>
          <div>
            <dt>{t('topics.types')}</dt>
            <dd>{topic.ticketTypes.map((type) => t(`type.${type}` as MessageKey)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('topics.visibility')}</dt>
            <dd class={topic.internal ? 'topic-internal' : undefined}>
              {t(topic.internal ? 'topics.internal' : 'topics.public')}
            </dd>
          </div>
          <div>
            <dt>{t('topics.fields')}</dt>
            <dd>{topic.form.fields.length}</dd>
          </div>
        </dl>
      </div>
      {node.children.length > 0 ? (
        <ul class="topic-tree">
          {node.children.map((child) => (
            <TopicItem key={child.topic.id} node={child} teams={teams} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function NewTopic({ level1, catalogue, admin }: { level1: Level1[]; catalogue: Catalogue; admin: boolean }) {
  const { t, lang } = useMessages(messages);
  const [parent, setParent] = useState('');
  const choices = [
    admin ? { value: '', label: t('topics.noParent') } : { value: '', label: t('form.choose') },
    ...parentChoices(level1, catalogue.topics, lang, t),
  ];
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(parent ? `/admin/topics/new?parent=${encodeURIComponent(parent)}` : '/admin/topics/new');
  };
  return (
    <form class="panel topics-new" onSubmit={submit} aria-labelledby="topics-new-title">
      <h2 id="topics-new-title">{t('topics.new')}</h2>
      <Select
        path="newParent"
        label={t('topics.newParent')}
        hint={t('topics.newParentHint')}
        value={parent}
        onChange={setParent}
        choices={choices}
      />
      <button type="submit" class="button">
        {t('topics.create')}
      </button>
    </form>
  );
}

function TopicList({ catalogue, level1, admin }: { catalogue: Catalogue; level1: Level1[]; admin: boolean }) {
  const { t } = useMessages(messages);
  const groups = topicTree(
    catalogue.topics,
    level1.map((topic) => topic.id),
  );
  return (
    <Page title={t('topics.title')} lead={<p class="lead">{t('topics.lead')}</p>}>
      <NewTopic level1={level1} catalogue={catalogue} admin={admin} />
      {groups.length === 0 ? <p>{t('topics.empty')}</p> : null}
      {groups.map((group) => {
        const name = level1.find((topic) => topic.id === group.id)?.name ?? group.id;
        const shared = catalogue.shared.some((topic) => topic.id === group.id);
        return (
          <section key={group.id} class="topics-group" aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`}>{name}</h2>
            <p class="hint">
              {t('topics.shared')}{' '}
              {shared ? (
                <Link href={`/admin/topics/${encodeURIComponent(group.id)}`}>{t('topics.editShared', { name })}</Link>
              ) : null}
            </p>
            <ul class="topic-tree topic-tree--top">
              {group.children.map((node) => (
                <TopicItem key={node.topic.id} node={node} teams={catalogue.teams} />
              ))}
            </ul>
          </section>
        );
      })}
    </Page>
  );
}

function Topics({ organisationId, id }: { organisationId: string; id?: string }) {
  const { t, lang } = useMessages(messages);
  const admin = hasGroup(useStore(session), ['admin']);
  const { catalogue, level1, error, reload, saved } = useCatalogue(organisationId, admin, lang);
  const { search } = useLocation();
  const title = id === undefined ? t('topics.title') : id === 'new' ? t('topic.newTitle') : t('topics.title');
  if (error)
    return (
      <Page title={title}>
        <p class="notice notice--error" role="alert">
          {failure(error, t)}
        </p>
      </Page>
    );
  if (!catalogue)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  if (id === undefined) return <TopicList catalogue={catalogue} level1={level1} admin={admin} />;
  return (
    <TopicEditor
      key={id}
      id={id}
      organisationId={organisationId}
      admin={admin}
      catalogue={catalogue}
      level1={level1}
      initialParent={search.get('parent') ?? ''}
      onSaved={saved}
      reload={reload}
    />
  );
}

export function TopicsSection({ organisationId, id }: { organisationId: string; id?: string }) {
  return (
    <RequireSignIn groups={ADMIN_GROUPS}>
      <Topics organisationId={organisationId} id={id} />
    </RequireSignIn>
  );
}
