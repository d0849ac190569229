/**
 * Step 3: the department's header and footer for each language of the request, typed or read
 * from an .html file, and the API's per-line problems at the field and in the summary. And the
 * stored ones as text for whoever reads the request (never rendered: the page stays ours).
 */
import { useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { ApiError, fieldId } from '../../api/problem';
import { formatDateTime } from '../../i18n/dates';
import type { Language } from '../../i18n/languages';
import { ApiWords, type FrTranslate, languageName, type ProblemLine, ProblemSummary, useFr } from './common';
import { failureOf } from './failure';
import { type FormRequest, sortLanguages, templateProblem } from './model';

const PARTS = ['header', 'footer'] as const;
type Part = (typeof PARTS)[number];

/** 100 KB, as the API takes (contracts/form-requests.ts). */
const MAX_BYTES = 100 * 1024;

const partId = (language: Language, part: Part) => fieldId(`templates.${language}.${part}`);

/** One problem of a part, in words: where (line and column, in the reader's language), then what. */
function ProblemText({ message, prefix }: { message: string; prefix?: string }) {
  const { t } = useFr();
  const { line, column, text } = templateProblem(message);
  const where = line !== undefined ? t('templates.position', { line, column: column ?? 1 }) : '';
  return (
    <>
      {prefix ? `${prefix}${where ? ', ' : ': '}` : ''}
      {where ? `${prefix ? where.charAt(0).toLocaleLowerCase() + where.slice(1) : where} ` : ''}
      <ApiWords text={text} />
    </>
  );
}

function TemplateField({
  language,
  part,
  value,
  onInput,
  problems,
  onFileProblem,
}: {
  language: Language;
  part: Part;
  value: string;
  onInput: (value: string) => void;
  problems: readonly string[];
  onFileProblem: (message: string | undefined) => void;
}) {
  const { t } = useFr();
  const id = partId(language, part);
  const name = languageName(language, t);
  const invalid = problems.length > 0;
  const read = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (!/\.html?$/i.test(file.name) && file.type !== 'text/html') return onFileProblem(t('v.fileType'));
    if (file.size > MAX_BYTES) return onFileProblem(t('v.fileTooLarge'));
    onFileProblem(undefined);
    onInput(await file.text());
  };
  return (
    <div class={invalid ? 'field field--error' : 'field'}>
      <label for={id}>{t(`templates.${part}`, { language: name })}</label>
      {invalid ? (
        <ul class="field-error fr-errors" id={`${id}-error`}>
          {problems.map((message, index) => (
            <li key={`${index}-${message}`}>
              <ProblemText message={message} />
            </li>
          ))}
        </ul>
      ) : null}
      <textarea
        id={id}
        name={`${language}.${part}`}
        class="fr-code"
        rows={8}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <div class="fr-file">
        <label for={`${id}-file`}>{t(`templates.${part}File`, { language: name })}</label>
        <div class="hint" id={`${id}-file-hint`}>
          {t('templates.fileHint')}
        </div>
        <input
          type="file"
          id={`${id}-file`}
          accept=".html,.htm,text/html"
          aria-describedby={`${id}-file-hint`}
          onChange={read}
        />
      </div>
    </div>
  );
}

interface LanguageState {
  header: string;
  footer: string;
  problems: Record<Part, string[]>;
  lines: ProblemLine[];
  attempt: number;
  busy: boolean;
}

const fresh = (): LanguageState => ({
  header: '',
  footer: '',
  problems: { header: [], footer: [] },
  lines: [],
  attempt: 0,
  busy: false,
});

function summaryOf(language: Language, state: LanguageState, t: FrTranslate): ProblemLine[] {
  const name = languageName(language, t);
  const lines: ProblemLine[] = [];
  for (const part of PARTS) {
    state.problems[part].forEach((message, index) => {
      lines.push({
        key: `${part}-${index}`,
        content: <ProblemText message={message} prefix={t(`part.${part}`, { language: name })} />,
        target: partId(language, part),
      });
    });
  }
  return [...lines, ...state.lines];
}

/** The department's upload, one form per language; each language can be sent again until all are in. */
export function TemplatesPanel({
  request,
  onDone,
}: {
  request: FormRequest;
  onDone: (next: FormRequest, message: string) => void;
}) {
  const { t, lang } = useFr();
  const languages = sortLanguages(request.petition.languages);
  const [states, setStates] = useState<Partial<Record<Language, LanguageState>>>({});
  const stateOf = (language: Language) => states[language] ?? fresh();
  const update = (language: Language, change: Partial<LanguageState>) =>
    setStates((all) => ({ ...all, [language]: { ...(all[language] ?? fresh()), ...change } }));

  const send = async (event: Event, language: Language) => {
    event.preventDefault();
    const state = stateOf(language);
    const empty: Record<Part, string[]> = {
      header: state.header.trim() ? [] : [t('v.template')],
      footer: state.footer.trim() ? [] : [t('v.template')],
    };
    if (empty.header.length > 0 || empty.footer.length > 0) {
      update(language, { problems: empty, lines: [], attempt: state.attempt + 1 });
      return;
    }
    update(language, { busy: true, problems: { header: [], footer: [] }, lines: [] });
    try {
      const next = await call(
        api().PUT('/form-requests/{requestId}/templates/{language}', {
          params: { path: { requestId: request.id, language } },
          body: { header: state.header, footer: state.footer },
        }),
      );
      update(language, { busy: false });
      const name = languageName(language, t);
      onDone(next, next.step === 'templates' ? t('templates.sent', { language: name }) : t('templates.allSent'));
    } catch (error) {
      const problems: Record<Part, string[]> = { header: [], footer: [] };
      // The parts' problems go to their fields; anything else (the language, a conflict) to the summary.
      let others: unknown = error;
      if (error instanceof ApiError && error.errors.length > 0) {
        const rest = error.errors.filter((problem) => {
          if (problem.path !== 'header' && problem.path !== 'footer') return true;
          problems[problem.path].push(problem.message);
          return false;
        });
        others = rest.length > 0 ? new ApiError(error.status, { title: error.title, errors: rest }) : undefined;
      }
      const lines = others === undefined ? [] : failureOf(others, [], t).lines;
      update(language, { busy: false, problems, lines, attempt: state.attempt + 1 });
    }
  };

  return (
    <div class="fr-templates">
      <p>{t('templates.lead')}</p>
      {languages.map((language) => {
        const state = stateOf(language);
        const name = languageName(language, t);
        const stored = request.templates[language];
        const headingId = `fr-templates-${language}`;
        return (
          <section key={language} class="fr-language" aria-labelledby={headingId}>
            <h3 id={headingId}>{languageName(language, t, true)}</h3>
            <p class={stored ? 'fr-received' : 'fr-missing'}>
              <span aria-hidden="true">{stored ? '✓ ' : '○ '}</span>
              {stored ? t('templates.received', { date: formatDateTime(stored, lang) }) : t('templates.missing')}
            </p>
            <ProblemSummary
              id={`error-summary-${language}`}
              lines={summaryOf(language, state, t)}
              attempt={state.attempt}
            />
            <form noValidate onSubmit={(event) => send(event, language)} aria-labelledby={headingId}>
              {PARTS.map((part) => (
                <TemplateField
                  key={part}
                  language={language}
                  part={part}
                  value={state[part]}
                  onInput={(value) => update(language, { [part]: value })}
                  problems={state.problems[part]}
                  onFileProblem={(message) =>
                    update(language, {
                      problems: { ...state.problems, [part]: message ? [message] : [] },
                      attempt: state.attempt + 1,
                    })
                  }
                />
              ))}
              <button type="submit" class="button" disabled={state.busy}>
                {state.busy ? t('form.sending') : t('templates.submit', { language: name })}
              </button>
            </form>
          </section>
        );
      })}
    </div>
  );
}

/** A stored language, shown as text on demand (GET …/templates/{language}). */
function StoredLanguage({ request, language }: { request: FormRequest; language: Language }) {
  const { t, lang } = useFr();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<{ header: string; footer: string }>();
  const [failed, setFailed] = useState<ProblemLine[]>([]);
  const name = languageName(language, t);
  const stored = request.templates[language];
  const regionId = `fr-stored-${language}`;
  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    setFailed([]);
    try {
      setShown(
        await call(
          api().GET('/form-requests/{requestId}/templates/{language}', {
            params: { path: { requestId: request.id, language } },
          }),
        ),
      );
    } catch (error) {
      setFailed(failureOf(error, [], t).lines);
    }
  };
  return (
    <li class="fr-stored">
      <p>
        <strong>{languageName(language, t, true)}</strong>
        {stored ? <> — {t('templates.storedOn', { date: formatDateTime(stored, lang) })}</> : null}
      </p>
      <button
        type="button"
        class="button button--secondary"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={toggle}
      >
        {t('templates.view', { language: name })}
      </button>
      <div id={regionId} hidden={!open}>
        {failed.length > 0 ? (
          <div class="notice notice--error" role="alert">
            {failed.map((line) => (
              <p key={line.key}>{line.content}</p>
            ))}
          </div>
        ) : !shown ? (
          open ? (
            <p class="loading" role="status">
              {t('app.loading')}
            </p>
          ) : null
        ) : (
          <>
            <p class="hint">{t('templates.asText')}</p>
            {PARTS.map((part) => {
              const label = t(`part.${part}`, { language: name });
              return (
                <figure key={part} class="fr-figure">
                  <figcaption>{label}</figcaption>
                  {/* Scrolls sideways when long: focusable, so keyboards can scroll it. */}
                  {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus */}
                  <pre class="fr-code fr-pre" tabIndex={0}>
                    <code>{shown[part]}</code>
                  </pre>
                </figure>
              );
            })}
          </>
        )}
      </div>
    </li>
  );
}

export function StoredTemplates({ request }: { request: FormRequest }) {
  const { t } = useFr();
  const languages = sortLanguages(Object.keys(request.templates));
  if (languages.length === 0) return null;
  return (
    <section class="fr-section" aria-labelledby="fr-stored-title">
      <h2 id="fr-stored-title">{t('templates.storedTitle')}</h2>
      <ul class="fr-plain">
        {languages.map((language) => (
          <StoredLanguage key={language} request={request} language={language} />
        ))}
      </ul>
    </section>
  );
}
