/**
 * Pieces every administration form shares (the topics section uses them too): a document read
 * with its version, a save that sends it whole with `If-Match` and shows what came back (the
 * error summary and the message at each field, a 409 explained, a polite "Saved"), and the
 * editor of a text in the four languages.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import { ApiError, type FieldErrors, mapProblem, type SummaryItem, summaryItems } from '../../api/problem';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useMessages } from '../../i18n/bundle';
import { formatDateTime } from '../../i18n/dates';
import { messages } from './messages';
import { LOCALIZED_LANGUAGES, type Localized, relocate } from './model';

export type { Localized } from './model';

export type Catalogue = Schemas['CatalogueDocuments'];

/** An organisation's documents as administered (organisation, calendar, SLA policy, teams, topics), each with its version. */
export const loadCatalogue = (organisationId: string): Promise<Catalogue> =>
  call(api().GET('/catalogues/{organisationId}', { params: { path: { organisationId } } }));

/** The words for a failure: the API's own (they come in English), else a general line. */
export function failureText(
  error: unknown,
  t: (key: 'error.network' | 'error.session' | 'error.generic') => string,
): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('error.session');
    return error.errors[0]?.message ?? error.detail ?? (error.title || t('error.generic'));
  }
  return t('error.generic');
}

/** The `If-Match` header for a version read earlier; none when creating. */
export const ifMatch = (version: number | undefined): { 'If-Match'?: string } =>
  version === undefined ? {} : { 'If-Match': `"${version}"` };

export interface DocumentState<T> {
  /** As last read (or saved); undefined while it loads or when it could not be read. */
  data: T | undefined;
  /** Why it could not be read, in words; undefined otherwise. */
  failure: string | undefined;
  /** The API answered 404: there is none yet (a calendar to create) or no such thing. */
  missing: boolean;
  /** Reads it again: after a conflict, to see what someone else saved. */
  reload: () => void;
  /** Takes what a save returned as the current document, without reading again. */
  replace: (next: T) => void;
  /** Counts the reads: forms start their draft again from `data` when it changes. */
  generation: number;
}

/**
 * A document (or a page of data) read from the API; read again when `deps` change (the reader's
 * language, the organisation) or on `reload()`.
 */
export function useDocument<T>(load: () => Promise<T>, deps: readonly unknown[] = []): DocumentState<T> {
  const { t } = useMessages(messages);
  const [data, setData] = useState<T>();
  const [failure, setFailure] = useState<string>();
  const [missing, setMissing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    load()
      .then((loaded) => {
        if (!current) return;
        setData(loaded);
        setFailure(undefined);
        setMissing(false);
        setGeneration((n) => n + 1);
      })
      .catch((error: unknown) => {
        if (!current) return;
        setData(undefined);
        setMissing(error instanceof ApiError && error.status === 404);
        setFailure(failureText(error, t));
        setGeneration((n) => n + 1);
      });
    return () => {
      current = false;
    };
  }, [...deps, reads]);
  const replace = (next: T) => {
    setData(next);
    setFailure(undefined);
    setMissing(false);
  };
  return { data, failure, missing, reload: () => setReads((n) => n + 1), replace, generation };
}

/** A confirmation for the next screen (a team created, then its page opened). */
let flash: string | undefined;
export const flashStatus = (text: string): void => {
  flash = text;
};

export interface SaveState {
  busy: boolean;
  /** Messages at the fields, by input path. */
  errors: FieldErrors;
  /** Someone else saved first (409): nothing of this form was saved. */
  conflict: boolean;
  /** The confirmation once saved, for the polite status. */
  saved: string | undefined;
  /** Shows the problems found before sending; true when there were any. */
  refuse: (found: FieldErrors) => boolean;
  /**
   * Sends the document. A 400's errors go to their fields, a 409 to the conflict notice (or, for
   * a document being created, to `conflictAt`: its id is taken). Resolves to what the API
   * returned, or undefined when it failed.
   */
  run: <R>(
    request: () => Promise<R>,
    options: { saved: string; conflictAt?: { path: string; message: string } },
  ) => Promise<R | undefined>;
  /** Forget the errors, the conflict and the confirmation (after reloading the document). */
  reset: () => void;
  /** The error summary's lines in page order, and the count of attempts (it takes the focus on each). */
  summary: SummaryItem[];
  attempt: number;
}

/**
 * Saving one whole document, GOV.UK style: the summary at the top, the message at each field.
 * `shownPaths` are the input paths on screen in page order; `moves` relocates API paths no
 * control has (see model.ts `relocate`).
 */
export function useSave(shownPaths: readonly string[], moves: readonly [RegExp, string][] = []): SaveState {
  const { t } = useMessages(messages);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [extra, setExtra] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string>();

  // The live region is on the page empty first, so the confirmation is announced when it fills.
  useEffect(() => {
    if (flash) setSaved(flash);
    flash = undefined;
  }, []);

  const show = (fields: FieldErrors, unplaced: string[]) => {
    setErrors(fields);
    setExtra(unplaced);
    setAttempt((n) => n + 1);
  };
  const reset = () => {
    setErrors({});
    setExtra([]);
    setConflict(false);
    setSaved(undefined);
  };

  const refuse = (found: FieldErrors) => {
    setSaved(undefined);
    setConflict(false);
    show(found, []);
    return Object.keys(found).length > 0;
  };

  const run: SaveState['run'] = async (request, options) => {
    reset();
    setBusy(true);
    try {
      const result = await request();
      setSaved(options.saved);
      return result;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404) && options.conflictAt) {
        // Creating: the id belongs to a document already (ours: 409; another organisation's: 404).
        show({ [options.conflictAt.path]: options.conflictAt.message }, []);
      } else if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
      } else if (error instanceof ApiError && error.errors.length > 0) {
        const placed = mapProblem(relocate(error.errors, moves), shownPaths);
        show(placed.fields, placed.unplaced);
      } else {
        show({}, [failureText(error, t)]);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    errors,
    conflict,
    saved,
    refuse,
    run,
    reset,
    summary: summaryItems(errors, shownPaths, extra),
    attempt,
  };
}

/** The error summary of a save: at the top of its form. */
export function SaveSummary({ save }: { save: SaveState }) {
  return <ErrorSummary items={save.summary} attempt={save.attempt} />;
}

/** The polite confirmation: always on the page (empty until saved) so screen readers announce it. */
export function SaveStatus({ text }: { text: string | undefined }) {
  return (
    <p role="status" class="confirmation admin-saved">
      {text ?? ''}
    </p>
  );
}

/**
 * A 409: someone saved this document after it was read. Nothing of this form was saved; the
 * button shows their version (this form's changes are lost, so the notice says so). Focused
 * when it appears, like the error summary.
 */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const { t } = useMessages(messages);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div class="error-summary admin-conflict" role="alert" tabIndex={-1} ref={box} aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.text')}</p>
      <button type="button" class="button button--secondary" onClick={onReload}>
        {t('conflict.reload')}
      </button>
    </div>
  );
}

/** Who saved the document last, and when. */
export function Stamp({ updatedBy, updatedAt }: { updatedBy?: string; updatedAt?: string }) {
  const { t, lang } = useMessages(messages);
  if (!updatedBy || !updatedAt) return null;
  return (
    <p class="hint">
      {t('stamp', { who: updatedBy })} <time dateTime={updatedAt}>{formatDateTime(updatedAt, lang)}</time>
    </p>
  );
}

/** Each language's name in the reader's language, for labels ("Nom — aranès"). */
export function useLanguageLabels(legend: string): Record<keyof Localized, string> {
  const { t } = useMessages(messages);
  return Object.fromEntries(
    LOCALIZED_LANGUAGES.map((language) => [
      language,
      t('names.label', { legend, language: t(`language.${language}`) }),
    ]),
  ) as Record<keyof Localized, string>;
}

export const EMPTY_LOCALIZED: Localized = { ca: '', es: '', oc: '', en: '' };

/**
 * A text in the four languages as one group: a legend, then a labelled field per language
 * (input paths `<path>.ca` … `<path>.en`, as the API names them).
 */
export function NamesEditor({
  path,
  legend,
  hint,
  value,
  onChange,
  errors,
  multiline,
}: {
  path: string;
  legend: string;
  hint?: string;
  value: Localized;
  onChange: (next: Localized) => void;
  errors: FieldErrors;
  multiline?: boolean;
}) {
  const { t } = useMessages(messages);
  return (
    <fieldset class="admin-names" aria-describedby={hint ? `${path}-names-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p class="hint" id={`${path}-names-hint`}>
          {hint}
        </p>
      ) : null}
      {LOCALIZED_LANGUAGES.map((language) => (
        <TextField
          key={language}
          path={`${path}.${language}`}
          label={t(`language.${language}`)}
          value={value[language]}
          multiline={multiline}
          error={errors[`${path}.${language}`]}
          onInput={(text) => onChange({ ...value, [language]: text })}
        />
      ))}
    </fieldset>
  );
}
