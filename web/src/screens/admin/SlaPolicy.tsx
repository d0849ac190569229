/**
 * The SLA policy (/admin/sla): first-response and resolution targets in business time of the
 * calendar, by default, per priority and per topic (the most specific rule applies), and when to
 * warn. Saved whole, as one document.
 */
import { useRef, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import { ApiError, type FieldErrors, fieldId } from '../../api/problem';
import { Checkbox, type Option, RadioGroup, SelectField, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import { useMessages } from '../../i18n/bundle';
import { topicOptions } from './Agents';
import { type AdminTranslate, messages } from './messages';
import {
  type Commitment,
  type CommitmentDraft,
  checkPolicy,
  type PolicyDraft,
  PRIORITIES,
  type Priority,
  policyBody,
  policyDraft,
  policyLayout,
  type Targets,
  type TopicRuleDraft,
  type Unit,
} from './model';
import {
  type Catalogue,
  ConflictNotice,
  ifMatch,
  loadCatalogue,
  SaveStatus,
  SaveSummary,
  Stamp,
  useDocument,
  useSave,
} from './shared';

type StoredSlaPolicy = Schemas['StoredSlaPolicy'];

/** A commitment in words: "1 dia laborable, fins al tancament", "4 hores laborables". */
export function describeCommitment(commitment: Commitment, t: AdminTranslate): string {
  if ('days' in commitment) {
    const days = t(commitment.days === 1 ? 'unit.day' : 'unit.days', { n: commitment.days });
    return commitment.endOfDay ? t('unit.endOfDay', { amount: days }) : days;
  }
  if (commitment.minutes % 60 === 0) {
    const hours = commitment.minutes / 60;
    return t(hours === 1 ? 'unit.hour' : 'unit.hours', { n: hours });
  }
  return t(commitment.minutes === 1 ? 'unit.minute' : 'unit.minutes', { n: commitment.minutes });
}

export function SlaPolicySection({ organisationId }: { organisationId: string }) {
  const { t } = useMessages(messages);
  const data = useDocument(async () => {
    const [catalogue, policy] = await Promise.all([loadCatalogue(organisationId), readPolicy(organisationId)]);
    return { catalogue, policy };
    // Names come in every language: a change of language keeps the draft.
  }, [organisationId]);
  const title = t('section.sla');
  if (data.failure) {
    return (
      <Page title={title}>
        <p class="notice notice--error">{data.failure}</p>
      </Page>
    );
  }
  if (!data.data) return <Loading />;
  const { catalogue, policy } = data.data;
  return (
    <Page title={title} lead={<p class="lead">{t('sla.lead')}</p>}>
      <Stamp updatedBy={policy?.updatedBy} updatedAt={policy?.updatedAt} />
      {policy ? null : <p>{t('sla.none')}</p>}
      <PolicyForm
        key={data.generation}
        organisationId={organisationId}
        catalogue={catalogue}
        stored={policy}
        reload={data.reload}
        saved={(next) => data.replace({ catalogue, policy: next })}
      />
    </Page>
  );
}

/** The policy, or undefined when the organisation has none yet (the form creates it). */
async function readPolicy(organisationId: string): Promise<StoredSlaPolicy | undefined> {
  try {
    return await call(api().GET('/sla-policies/{organisationId}', { params: { path: { organisationId } } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Amount, unit and (for days) "by the end of that day", as one group. */
function CommitmentEditor({
  path,
  legend,
  value,
  onChange,
  error,
}: {
  path: string;
  legend: string;
  value: CommitmentDraft;
  onChange: (next: CommitmentDraft) => void;
  error?: string;
}) {
  const { t } = useMessages(messages);
  const units: { value: Unit; label: string }[] = [
    { value: 'minutes', label: t('unit.choice.minutes') },
    { value: 'hours', label: t('unit.choice.hours') },
    { value: 'days', label: t('unit.choice.days') },
  ];
  return (
    <fieldset class="admin-commitment">
      <legend>{legend}</legend>
      <div class="admin-row">
        <TextField
          path={path}
          label={t('sla.amount')}
          value={value.amount}
          inputMode="numeric"
          width="short"
          autocomplete="off"
          error={error}
          onInput={(amount) => onChange({ ...value, amount })}
        />
        <SelectField
          path={`${path}.unit`}
          label={t('sla.unit')}
          options={units}
          value={value.unit}
          onChange={(unit) => onChange({ ...value, unit: (unit || 'minutes') as Unit })}
        />
      </div>
      {value.unit === 'days' ? (
        <Checkbox
          path={`${path}.endOfDay`}
          label={t('sla.endOfDay')}
          hint={t('sla.endOfDayHint')}
          value={value.endOfDay}
          onChange={(endOfDay) => onChange({ ...value, endOfDay })}
        />
      ) : null}
    </fieldset>
  );
}

function TargetsEditor({
  path,
  value,
  onChange,
  errors,
}: {
  path: string;
  value: Targets;
  onChange: (next: Targets) => void;
  errors: FieldErrors;
}) {
  const { t } = useMessages(messages);
  return (
    <div class="admin-targets">
      <CommitmentEditor
        path={`${path}.firstResponse`}
        legend={t('sla.firstResponse')}
        value={value.firstResponse}
        error={errors[`${path}.firstResponse`]}
        onChange={(firstResponse) => onChange({ ...value, firstResponse })}
      />
      <CommitmentEditor
        path={`${path}.resolution`}
        legend={t('sla.resolution')}
        value={value.resolution}
        error={errors[`${path}.resolution`]}
        onChange={(resolution) => onChange({ ...value, resolution })}
      />
    </div>
  );
}

/** The input paths on screen, in page order, for a draft laid out by policyLayout. */
function policyPaths(draft: PolicyDraft): string[] {
  const layout = policyLayout(draft);
  const targets = (path: string) => [`${path}.firstResponse`, `${path}.resolution`];
  return [
    'rules',
    ...targets(layout.base),
    ...PRIORITIES.flatMap((priority) => {
      const path = layout.priorities[priority];
      return [`own.${priority}`, ...(path ? targets(path) : [])];
    }),
    ...layout.topicRules.flatMap((path) => [`${path}.topicId`, `${path}.priority`, ...targets(path)]),
    'warnAtPercent',
  ];
}

function PolicyForm({
  organisationId,
  catalogue,
  stored,
  reload,
  saved,
}: {
  organisationId: string;
  catalogue: Catalogue;
  stored: StoredSlaPolicy | undefined;
  reload: () => void;
  saved: (policy: StoredSlaPolicy) => void;
}) {
  const { t, lang } = useMessages(messages);
  const [draft, setDraft] = useState<PolicyDraft>(() => policyDraft(stored));
  const nextKey = useRef(draft.topicRules.length);
  const layout = policyLayout(draft);
  // A rule's own problem (two rules alike) is shown at its topic, or at its first target.
  const save = useSave(policyPaths(draft), [
    ...layout.topicRules.map((path): [RegExp, string] => [
      new RegExp(`^${path.replace('.', '\\.')}$`),
      `${path}.topicId`,
    ]),
    [/^(rules\.\d+)$/, '$1.firstResponse'],
  ]);
  const topics: Option[] = topicOptions(catalogue, lang);
  const errors = save.errors;

  const setPriority = (priority: Priority, targets: Targets | null) =>
    setDraft((d) => ({ ...d, priorities: { ...d.priorities, [priority]: targets } }));
  const setTopicRule = (key: number, change: Partial<TopicRuleDraft>) =>
    setDraft((d) => ({
      ...d,
      topicRules: d.topicRules.map((rule) => (rule.key === key ? { ...rule, ...change } : rule)),
    }));
  const addTopicRule = () => {
    const key = nextKey.current++;
    setDraft((d) => ({
      ...d,
      topicRules: [...d.topicRules, { key, topicId: '', priority: '', ...structuredClone(d.base) }],
    }));
    setTimeout(() => document.getElementById(`topic-rule-${key}`)?.focus(), 0);
  };
  const removeTopicRule = (key: number) => {
    setDraft((d) => ({ ...d, topicRules: d.topicRules.filter((rule) => rule.key !== key) }));
    setTimeout(() => document.getElementById('topic-rules-title')?.focus(), 0);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (save.refuse(checkPolicy(draft, t, { topic: t('sla.topic') }))) return;
    const result = await save.run(
      () =>
        call(
          api().PUT('/sla-policies/{organisationId}', {
            params: { path: { organisationId }, header: ifMatch(stored?.version) },
            body: policyBody(draft),
          }),
        ),
      { saved: t('saved') },
    );
    if (result) saved(result);
  };

  const priorityOptions = [
    { value: '', label: t('sla.anyPriority') },
    ...PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) })),
  ];

  return (
    <form onSubmit={submit} noValidate class="admin-form admin-form--wide">
      <SaveSummary save={save} />
      {save.conflict ? <ConflictNotice onReload={reload} /> : null}

      <section aria-labelledby="sla-default-title">
        <h2 id="sla-default-title">{t('sla.default')}</h2>
        <p class="hint">{t('sla.defaultHint')}</p>
        <TargetsEditor
          path={layout.base}
          value={draft.base}
          errors={errors}
          onChange={(base) => setDraft((d) => ({ ...d, base }))}
        />
      </section>

      <section aria-labelledby="sla-priorities-title">
        <h2 id="sla-priorities-title">{t('sla.priorities')}</h2>
        <p class="hint">{t('sla.prioritiesHint')}</p>
        {PRIORITIES.map((priority) => {
          const targets = draft.priorities[priority];
          const path = layout.priorities[priority];
          return (
            <fieldset class="group admin-rule" key={priority}>
              <legend>{t(`priority.${priority}`)}</legend>
              <RadioGroup
                path={`own.${priority}`}
                label={t('sla.targets')}
                inline
                value={targets ? 'own' : 'default'}
                onChange={(choice) =>
                  setPriority(priority, choice === 'own' ? structuredClone(targets ?? draft.base) : null)
                }
                options={[
                  { value: 'default', label: t('sla.useDefault') },
                  { value: 'own', label: t('sla.useOwn') },
                ]}
              />
              {targets && path ? (
                <TargetsEditor
                  path={path}
                  value={targets}
                  errors={errors}
                  onChange={(next) => setPriority(priority, next)}
                />
              ) : null}
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="topic-rules-title">
        <h2 id="topic-rules-title" tabIndex={-1}>
          {t('sla.topics')}
        </h2>
        <p class="hint">{t('sla.topicsHint')}</p>
        {draft.topicRules.length === 0 ? <p>{t('sla.noTopicRules')}</p> : null}
        {draft.topicRules.map((rule, index) => {
          const path = layout.topicRules[index] as string;
          return (
            <fieldset class="group admin-rule" key={rule.key}>
              <legend id={`topic-rule-${rule.key}`} tabIndex={-1}>
                {t('sla.topicRule', { n: index + 1 })}
              </legend>
              <SelectField
                path={`${path}.topicId`}
                label={t('sla.topic')}
                options={topics}
                value={rule.topicId}
                error={errors[`${path}.topicId`]}
                onChange={(topicId) => setTopicRule(rule.key, { topicId })}
              />
              <div class="field">
                <label for={fieldId(`${path}.priority`)}>{t('sla.priority')}</label>
                <select
                  id={fieldId(`${path}.priority`)}
                  onChange={(event) => setTopicRule(rule.key, { priority: event.currentTarget.value as Priority | '' })}
                >
                  {priorityOptions.map((option) => (
                    <option key={option.value} value={option.value} selected={option.value === rule.priority}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
              <TargetsEditor
                path={path}
                value={rule}
                errors={errors}
                onChange={(next) => setTopicRule(rule.key, next)}
              />
              <button
                type="button"
                class="button button--secondary"
                aria-label={t('sla.removeRuleLabel', { n: index + 1 })}
                onClick={() => removeTopicRule(rule.key)}
              >
                {t('sla.removeRule')}
              </button>
            </fieldset>
          );
        })}
        {topics.length > 0 ? (
          <button type="button" class="button button--secondary" onClick={addTopicRule}>
            {t('sla.addRule')}
          </button>
        ) : null}
      </section>

      <section aria-labelledby="sla-warn-title">
        <h2 id="sla-warn-title">{t('sla.warn')}</h2>
        <TextField
          path="warnAtPercent"
          label={t('sla.warnAt')}
          hint={t('sla.warnHint')}
          value={draft.warnAtPercent}
          inputMode="numeric"
          width="short"
          autocomplete="off"
          error={errors.warnAtPercent}
          onInput={(warnAtPercent) => setDraft((d) => ({ ...d, warnAtPercent }))}
        />
      </section>

      <button type="submit" class="button" disabled={save.busy}>
        {save.busy ? t('form.sending') : t('sla.save')}
      </button>
      <SaveStatus text={save.saved} />
    </form>
  );
}
