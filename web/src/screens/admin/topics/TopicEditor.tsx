/**
 * One topic's editor: where it hangs, its names and guidance in four languages, ticket types,
 * internal flag, team, and its form's fields (FieldEditor.tsx); saved whole with `PUT
 * /topics/{id}` and `If-Match`, the API's errors at their controls and in the summary above.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call } from '../../../api/client';
import { ApiError, fieldId, mapProblem, summaryItems } from '../../../api/problem';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { CheckboxGroup } from '../../../components/fields';
import { Page } from '../../../components/Page';
import { useMessages } from '../../../i18n/bundle';
import type { MessageKey } from '../../../i18n/ca';
import { formatDateTime } from '../../../i18n/dates';
import { Link, navigate } from '../../../router';
import { type Catalogue, failure, type Level1, parentChoices } from './catalogue';
import { Check, LocalizedText, Select, Text } from './controls';
import { FieldEditor, fieldTitle } from './FieldEditor';
import { messages } from './messages';
import {
  checkDraft,
  controlPaths,
  type DraftContext,
  draftFromTopic,
  type FieldDraft,
  levelOfDraft,
  move,
  newField,
  newTopic,
  placeApiPath,
  reindexErrors,
  renameField,
  type StoredTopic,
  swapped,
  TICKET_TYPES,
  type TopicDraft,
  toDocument,
} from './model';
import { Preview } from './Preview';

/** The confirmation a creation leaves for the editor it opens (the address changes, so the screen is new). */
let created: string | undefined;

export function TopicEditor(props: {
  id: string;
  organisationId: string;
  admin: boolean;
  catalogue: Catalogue;
  level1: Level1[];
  initialParent: string;
  onSaved: (topic: StoredTopic) => void;
  reload: () => Promise<void>;
}) {
  const { id, organisationId, admin, catalogue, level1 } = props;
  const { t, lang } = useMessages(messages);
  const isNew = id === 'new';
  const stored = isNew ? undefined : [...catalogue.topics, ...catalogue.shared].find((topic) => topic.id === id);
  const [draft, setDraft] = useState<TopicDraft>(() =>
    stored ? draftFromTopic(stored) : newTopic(props.initialParent),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  /** What happened to the whole topic (created, reloaded): said at the top, where the page then is. */
  const [notice, setNotice] = useState('');
  /** What the last action did (saved, a field moved): said by the save button, where the person is. */
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState(false);
  const conflictBox = useRef<HTMLDivElement>(null);
  /** The control to focus once the next render is on screen (after a move, an addition, a removal). */
  const focusNext = useRef<string | undefined>(undefined);

  // Another version arrived (saved here, or reloaded after a conflict): edit that one.
  useEffect(() => {
    if (stored) setDraft(draftFromTopic(stored));
  }, [stored?.version]);
  useEffect(() => {
    if (created === id) {
      created = undefined;
      setNotice(t('topic.created'));
    }
  }, []);
  // The way on is the reload button, at the top of the page: take the person there.
  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);
  useEffect(() => {
    if (!focusNext.current) return;
    // Not on screen yet (its state lands in a later render): try again after that one.
    const target = document.getElementById(focusNext.current);
    if (!target) return;
    target.focus();
    focusNext.current = undefined;
  });

  if (!isNew && !stored) {
    return (
      <Page title={t('topic.notFound')}>
        <p>
          <Link href="/admin/topics">{t('topic.back')}</Link>
        </p>
      </Page>
    );
  }

  const levels = new Map<string, number>([
    ...level1.map((topic) => [topic.id, 1] as const),
    ...[...catalogue.shared, ...catalogue.topics].map((topic) => [topic.id, topic.level] as const),
  ]);
  const context: DraftContext = { organisationId, levelOf: (topicId) => levels.get(topicId) };
  const level = levelOfDraft(draft, context);
  const shownPaths = controlPaths(draft, { isNew, level });
  const set = <K extends keyof TopicDraft>(name: K, value: TopicDraft[K]) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const setFields = (change: (fields: FieldDraft[]) => FieldDraft[]) =>
    setDraft((current) => ({ ...current, fields: change(current.fields) }));

  const moveField = (index: number, by: -1 | 1) => {
    const field = draft.fields[index];
    const target = index + by;
    if (!field || target < 0 || target >= draft.fields.length) return;
    setFields((fields) => move(fields, index, by));
    setErrors((current) => reindexErrors(current, 'form.fields', swapped(index, by)));
    // The same button keeps the focus, so pressing it again moves the field on.
    focusNext.current = `${by < 0 ? 'up' : 'down'}-${field.key}`;
    setStatus(t('field.moved', { name: fieldTitle(field, lang, t), n: target + 1, total: draft.fields.length }));
  };
  const removeField = (index: number) => {
    const field = draft.fields[index];
    if (!field) return;
    const rest = draft.fields.filter((_, i) => i !== index);
    setFields(() => rest);
    setErrors((current) =>
      reindexErrors(current, 'form.fields', (i) => (i < index ? i : i > index ? i - 1 : undefined)),
    );
    // The field that takes its place (or the one before, or the add button) gets the focus.
    focusNext.current = fieldId(rest.length > 0 ? `form.fields.${Math.min(index, rest.length - 1)}` : 'form.fields');
    setStatus(t('field.removed', { name: fieldTitle(field, lang, t) }));
  };
  const addField = () => {
    setFields((fields) => [...fields, newField()]);
    focusNext.current = fieldId(`form.fields.${draft.fields.length}.name`);
    setStatus(t('field.added', { n: draft.fields.length + 1 }));
  };

  const showErrors = (found: Record<string, string>, extra: string[]) => {
    setErrors(found);
    setUnplaced(extra);
    setAttempt((n) => n + 1);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    setNotice('');
    setConflict(false);
    const problems = checkDraft(draft, {
      isNew,
      takenIds: [...levels.keys()],
      mayBeLevel1: admin,
    });
    if (Object.keys(problems).length > 0) {
      return showErrors(
        Object.fromEntries(
          Object.entries(problems).map(([path, problem]) => [path, t(`problem.${problem}` as 'problem.number')]),
        ),
        [],
      );
    }
    const topicId = isNew ? draft.id.trim() : id;
    setBusy(true);
    try {
      const saved = await call(
        api().PUT('/topics/{topicId}', {
          params: { path: { topicId }, header: stored ? { 'If-Match': String(stored.version) } : undefined },
          body: toDocument(draft, context),
        }),
      );
      setErrors({});
      setUnplaced([]);
      props.onSaved(saved);
      if (isNew) {
        created = saved.id;
        navigate(`/admin/topics/${encodeURIComponent(saved.id)}`);
      } else {
        setStatus(t('topic.saved'));
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && !isNew) {
        setConflict(true);
        showErrors({}, []);
      } else if (error instanceof ApiError && (error.status === 409 || error.status === 404) && isNew) {
        // Someone's topic (maybe another organisation's) has the id already.
        showErrors({ id: t('problem.idTaken') }, []);
      } else if (error instanceof ApiError && error.errors.length > 0) {
        const placed = error.errors.map((problem) => ({ ...problem, path: placeApiPath(problem.path) }));
        const mapped = mapProblem(placed, shownPaths);
        showErrors(mapped.fields, mapped.unplaced);
      } else {
        showErrors({}, [failure(error, t)]);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    try {
      await props.reload();
      setConflict(false);
      setErrors({});
      setUnplaced([]);
      setNotice(t('topic.reloaded'));
      // The conflict's box, which had the focus, is gone: the focus goes to what replaced it.
      focusNext.current = 'topic-notice';
    } catch (error) {
      showErrors({}, [failure(error, t)]);
    }
  };

  const title = isNew ? t('topic.newTitle') : t('topic.editTitle', { name: stored?.name[lang] || stored?.id || '' });
  const parentOptions = [
    admin ? { value: '', label: t('topics.noParent') } : { value: '', label: t('form.choose') },
    ...parentChoices(
      level1.filter((topic) => topic.id !== id),
      catalogue.topics.filter((topic) => topic.id !== id),
      lang,
      t,
    ),
  ];
  const teamOptions = [
    { value: '', label: t('topic.noTeam') },
    ...catalogue.teams.map((team) => ({ value: team.id, label: team.name[lang] })),
  ];
  const typeOptions = TICKET_TYPES.map((type) => ({ value: type, label: t(`type.${type}` as MessageKey) }));
  const fieldError = errors['form.fields'];

  return (
    <Page
      title={title}
      lead={
        <>
          <p>
            <Link href="/admin/topics">{t('topic.back')}</Link>
          </p>
          {stored ? (
            <p class="topic-stamp">
              {t('topic.idShown', { id: stored.id })}
              <br />
              {t('topic.stamp', {
                version: stored.version,
                date: formatDateTime(stored.updatedAt, lang),
                who: stored.updatedBy,
              })}
            </p>
          ) : null}
        </>
      }
    >
      <p role="status" class="confirmation topic-status" id="topic-notice" tabIndex={-1}>
        {notice}
      </p>
      {conflict ? (
        <div class="panel topic-conflict" role="alert" tabIndex={-1} ref={conflictBox}>
          <p>{t('topic.conflict')}</p>
          <button type="button" class="button button--secondary" onClick={reload}>
            {t('topic.reload')}
          </button>
        </div>
      ) : null}
      <ErrorSummary items={summaryItems(errors, shownPaths, unplaced)} attempt={attempt} />
      <form class="topic-editor" onSubmit={save} noValidate>
        {isNew ? (
          <Text
            path="id"
            label={t('topic.id')}
            hint={t('topic.idHint')}
            width="medium"
            spellcheck={false}
            value={draft.id}
            onInput={(value) => set('id', value)}
            error={errors.id}
          />
        ) : null}
        <Select
          path="parentId"
          label={t('topic.parent')}
          hint={draft.parentId || admin ? t('topic.levelIs', { n: level }) : undefined}
          value={draft.parentId}
          onChange={(value) => set('parentId', value)}
          choices={parentOptions}
          error={errors.parentId}
        />
        <Text
          path="order"
          label={
            <>
              {t('topic.order')} <span class="optional">{t('form.optional')}</span>
            </>
          }
          hint={t('topic.orderHint')}
          width="short"
          inputMode="numeric"
          value={draft.order}
          onInput={(value) => set('order', value)}
          error={errors.order}
        />
        <LocalizedText
          path="name"
          legend={t('topic.name')}
          value={draft.name}
          onChange={(value) => set('name', value)}
          errors={errors}
        />
        <LocalizedText
          path="guidance"
          legend={
            <>
              {t('topic.guidance')} <span class="optional">{t('form.optional')}</span>
            </>
          }
          hint={t('topic.guidanceHint')}
          multiline
          value={draft.guidance}
          onChange={(value) => set('guidance', value)}
          errors={errors}
        />
        <CheckboxGroup
          path="ticketTypes"
          label={t('topic.types')}
          hint={t('topic.typesHint')}
          options={typeOptions}
          value={draft.ticketTypes}
          onChange={(value) => set('ticketTypes', value as TopicDraft['ticketTypes'])}
          error={errors.ticketTypes}
        />
        <Check
          path="internal"
          label={t('topic.internal')}
          hint={t('topic.internalHint')}
          value={draft.internal}
          onChange={(value) => set('internal', value)}
          error={errors.internal}
        />
        {level > 1 ? (
          <Select
            path="teamId"
            label={t('topic.team')}
            value={draft.teamId}
            onChange={(value) => set('teamId', value)}
            choices={teamOptions}
            error={errors.teamId}
          />
        ) : null}

        <section class="topic-form" aria-labelledby="topic-form-title">
          <h2 id="topic-form-title">{t('topic.form')}</h2>
          <p class="hint">{t('topic.formHint')}</p>
          {draft.fields.length === 0 ? <p>{t('topic.noFields')}</p> : null}
          <ol class="topic-fields">
            {draft.fields.map((field, index) => (
              <li key={field.key}>
                <FieldEditor
                  field={field}
                  index={index}
                  fields={draft.fields}
                  errors={errors}
                  onChange={(next) => setFields((fields) => fields.map((other, i) => (i === index ? next : other)))}
                  onRename={(name) => setFields((fields) => renameField(fields, index, name))}
                  onMove={(by) => moveField(index, by)}
                  onRemove={() => removeField(index)}
                  onErrors={setErrors}
                  focus={(elementId) => {
                    focusNext.current = elementId;
                  }}
                />
              </li>
            ))}
          </ol>
          <div class={fieldError ? 'field field--error' : 'field'}>
            {fieldError ? (
              <p class="field-error" id={`${fieldId('form.fields')}-error`}>
                {fieldError}
              </p>
            ) : null}
            <button
              type="button"
              class="button button--secondary"
              id={fieldId('form.fields')}
              aria-describedby={fieldError ? `${fieldId('form.fields')}-error` : undefined}
              onClick={addField}
            >
              {t('topic.addField')}
            </button>
          </div>
        </section>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('topic.saving') : t('topic.save')}
        </button>
        <p role="status" class="confirmation">
          {status}
        </p>
      </form>
      <Preview fields={draft.fields} />
    </Page>
  );
}
