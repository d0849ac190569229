/**
 * Step 4: the form's parameters (website, topics, languages, and its own fields as a short list
 * to add to and take from), and the same parameters in words once sent.
 */
import { useRef, useState } from 'preact/hooks';
import { api, call, type Topic } from '../../api/client';
import { type FieldErrors, fieldId } from '../../api/problem';
import { Checkbox, SelectField, TextField } from '../../components/fields';
import {
  type FrTranslate,
  LanguagePicker,
  languageList,
  languageName,
  ProblemSummary,
  TopicPicker,
  topicName,
  useFr,
  useTopics,
} from './common';
import { type Failure, failureOf, summaryLines } from './failure';
import {
  checkParameters,
  FIELD_TYPES,
  type FieldDraft,
  type FieldType,
  type FormRequest,
  type Parameters,
  parametersBody,
  sortLanguages,
} from './model';

const fieldTitle = (field: FieldDraft, index: number, t: FrTranslate, languages: readonly string[]) => {
  const first = sortLanguages(languages)
    .map((language) => field.label[language]?.trim())
    .find(Boolean);
  return first ? t('parameters.fieldNamed', { n: index + 1, label: first }) : t('parameters.field', { n: index + 1 });
};

/** The form's paths in page order, for the summary. */
function pathsOf(fields: readonly FieldDraft[], languages: readonly string[]): string[] {
  return [
    'website',
    'topics',
    'languages',
    ...fields.flatMap((_, index) => [
      `fields.${index}.name`,
      `fields.${index}.type`,
      ...sortLanguages(languages).map((language) => `fields.${index}.label.${language}`),
    ]),
    'fields',
  ];
}

export function ParametersPanel({
  request,
  onDone,
}: {
  request: FormRequest;
  onDone: (next: FormRequest, message: string) => void;
}) {
  const { t } = useFr();
  const topics = useTopics();
  const start = request.parameters ?? { ...request.petition, fields: [] };
  const nextKey = useRef(start.fields.length);
  const [website, setWebsite] = useState(start.website);
  const [chosenTopics, setTopics] = useState<string[]>(start.topics);
  const [languages, setLanguages] = useState<string[]>(start.languages);
  const [fields, setFields] = useState<FieldDraft[]>(() =>
    start.fields.map((field, key) => ({ ...field, key, required: field.required ?? false })),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure>({ fields: {}, lines: [] });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const focusNext = useRef<string | undefined>(undefined);

  const draft = { website, topics: chosenTopics, languages, fields };
  const paths = pathsOf(fields, languages);
  const at = (path: string) => errors[path] ?? failure.fields[path];
  const change = (index: number, next: Partial<FieldDraft>) =>
    setFields((all) => all.map((field, i) => (i === index ? { ...field, ...next } : field)));

  const add = () => {
    const index = fields.length;
    setFields((all) => [...all, { key: nextKey.current++, name: '', type: 'text', required: false, label: {} }]);
    focusNext.current = fieldId(`fields.${index}.name`);
    setSaid(t('parameters.added', { n: index + 1 }));
  };
  const remove = (index: number) => {
    setFields((all) => all.filter((_, i) => i !== index));
    setErrors({});
    setFailure({ fields: {}, lines: [] });
    focusNext.current = 'fr-add-field';
    setSaid(t('parameters.removed', { n: index + 1 }));
  };
  // After adding or removing, the focus goes to the new field or to "Add a field".
  const focusRef = (element: HTMLElement | null) => {
    if (element && focusNext.current === element.id) {
      focusNext.current = undefined;
      element.focus();
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = checkParameters(draft, t);
    setErrors(found);
    setFailure({ fields: {}, lines: [] });
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const next = await call(
        api().PUT('/form-requests/{requestId}/parameters', {
          params: { path: { requestId: request.id } },
          body: parametersBody(draft),
        }),
      );
      onDone(next, t('parameters.sent'));
    } catch (error) {
      setFailure(failureOf(error, paths, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('parameters.lead')}</p>
      <ProblemSummary lines={summaryLines(errors, paths, failure.fields, failure.lines)} attempt={attempt} />
      <form noValidate onSubmit={submit} class="fr-form">
        <TextField
          path="website"
          label={t('form.website')}
          hint={t('form.websiteHint')}
          spellcheck={false}
          autocomplete="url"
          value={website}
          onInput={setWebsite}
          error={at('website')}
        />
        <TopicPicker topics={topics} value={chosenTopics} onChange={setTopics} error={at('topics')} />
        <LanguagePicker value={languages} onChange={setLanguages} error={at('languages')} />
        <fieldset class="group fr-fields" aria-describedby="fr-fields-hint">
          <legend>{t('parameters.fields')}</legend>
          <p class="hint" id="fr-fields-hint">
            {t('parameters.fieldsHint')}
          </p>
          {at('fields') ? (
            <p class="field-error" id={`${fieldId('fields')}`}>
              {at('fields')}
            </p>
          ) : null}
          {fields.length === 0 ? <p>{t('parameters.noFields')}</p> : null}
          <ol class="fr-plain">
            {fields.map((field, index) => (
              <li key={field.key}>
                <fieldset class="fr-field">
                  <legend>{fieldTitle(field, index, t, languages)}</legend>
                  <div ref={(element) => focusRef(element?.querySelector('input') ?? null)}>
                    <TextField
                      path={`fields.${index}.name`}
                      label={t('parameters.name')}
                      hint={t('parameters.nameHint')}
                      spellcheck={false}
                      autocomplete="off"
                      width="medium"
                      value={field.name}
                      onInput={(name) => change(index, { name })}
                      error={at(`fields.${index}.name`)}
                    />
                  </div>
                  <SelectField
                    path={`fields.${index}.type`}
                    label={t('parameters.type')}
                    value={field.type}
                    onChange={(type) => change(index, { type: (type || 'text') as FieldType })}
                    options={FIELD_TYPES.map((type) => ({ value: type, label: t(`type.${type}`) }))}
                    error={at(`fields.${index}.type`)}
                  />
                  <Checkbox
                    path={`fields.${index}.required`}
                    label={t('parameters.required')}
                    value={field.required}
                    onChange={(required) => change(index, { required })}
                  />
                  <fieldset class="fr-labels">
                    <legend>{t('parameters.label')}</legend>
                    {sortLanguages(languages).map((language) => (
                      <TextField
                        key={language}
                        path={`fields.${index}.label.${language}`}
                        label={languageName(language, t, true)}
                        value={field.label[language] ?? ''}
                        onInput={(text) => change(index, { label: { ...field.label, [language]: text } })}
                        error={at(`fields.${index}.label.${language}`)}
                      />
                    ))}
                  </fieldset>
                  <button type="button" class="button button--secondary" onClick={() => remove(index)}>
                    {t('parameters.remove', { field: fieldTitle(field, index, t, languages) })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button type="button" id="fr-add-field" ref={focusRef} class="button button--secondary" onClick={add}>
            {t('parameters.add')}
          </button>
          <p class="fr-visually-hidden" role="status">
            {said}
          </p>
        </fieldset>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : t('parameters.submit')}
        </button>
      </form>
    </>
  );
}

/** The parameters as sent: facts, and the fields as a table. */
export function ParametersView({ parameters, topics }: { parameters: Parameters; topics: Topic[] | undefined }) {
  const { t } = useFr();
  const languages = sortLanguages(parameters.languages);
  return (
    <section class="fr-section" aria-labelledby="fr-parameters-title">
      <h2 id="fr-parameters-title">{t('parameters.title')}</h2>
      <dl class="fr-facts">
        <div>
          <dt>{t('petition.website')}</dt>
          <dd class="fr-break">{parameters.website}</dd>
        </div>
        <div>
          <dt>{t('petition.languages')}</dt>
          <dd>{languageList(parameters.languages, t)}</dd>
        </div>
        <div>
          <dt>{t('petition.topics')}</dt>
          <dd>{parameters.topics.map((id) => topicName(id, topics)).join(', ')}</dd>
        </div>
      </dl>
      {parameters.fields.length === 0 ? (
        <p>{t('parameters.noFields')}</p>
      ) : (
        <div class="table-wrap">
          <table class="tickets fr-table">
            <caption>{t('parameters.fields')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('parameters.name')}</th>
                <th scope="col">{t('parameters.type')}</th>
                <th scope="col">{t('parameters.required')}</th>
                {languages.map((language) => (
                  <th key={language} scope="col">
                    {t('parameters.labelIn', { language: languageName(language, t) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {parameters.fields.map((field) => (
                <tr key={field.name}>
                  <td data-label={t('parameters.name')}>
                    <code>{field.name}</code>
                  </td>
                  <td data-label={t('parameters.type')}>{t(`type.${field.type}`)}</td>
                  <td data-label={t('parameters.required')}>{field.required ? t('yes') : t('no')}</td>
                  {languages.map((language) => (
                    <td key={language} data-label={t('parameters.labelIn', { language: languageName(language, t) })}>
                      {field.label[language] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
