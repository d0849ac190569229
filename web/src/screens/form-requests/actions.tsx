/**
 * The actions of the steps other than the templates and the parameters: the directorate's
 * decision (2), the department's revised petition (after changes), the technical office's URLs
 * (5 and 6), and the department's confirmation that its pages link to them (7).
 */
import { useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import type { FieldErrors } from '../../api/problem';
import { RadioGroup, TextField } from '../../components/fields';
import { formatDateTime } from '../../i18n/dates';
import { type FrTranslate, languageName, ProblemSummary, useFr } from './common';
import { type Failure, failureOf, summaryLines } from './failure';
import { DECISIONS, type Decision, type FormRequest, isHttpsUrl, lastReview, sortLanguages } from './model';
import { PetitionForm } from './PetitionForm';

type OnDone = (next: FormRequest, message: string) => void;

const NONE: Failure = { fields: {}, lines: [] };

/** A small form's state: client errors, the API's failure, the attempt count, busy. */
function useFormState() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure>(NONE);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const run = async (found: FieldErrors, paths: readonly string[], action: () => Promise<void>, t: FrTranslate) => {
    setErrors(found);
    setFailure(NONE);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setFailure(failureOf(error, paths, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const at = (path: string) => errors[path] ?? failure.fields[path];
  const summary = (paths: readonly string[]) => summaryLines(errors, paths, failure.fields, failure.lines);
  return { run, at, summary, attempt, busy };
}

const REVIEW_PATHS = ['decision', 'comment'];

export function ReviewPanel({ request, onDone }: { request: FormRequest; onDone: OnDone }) {
  const { t } = useFr();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [comment, setComment] = useState('');
  const form = useFormState();
  const submit = (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!decision) found.decision = t('v.decision');
    if (decision && decision !== 'approve' && !comment.trim()) found.comment = t('v.comment');
    return form.run(
      found,
      REVIEW_PATHS,
      async () => {
        const text = comment.trim();
        const next = await call(
          api().POST('/form-requests/{requestId}/review', {
            params: { path: { requestId: request.id } },
            body: { decision: decision as Decision, ...(text ? { comment: text } : {}) },
          }),
        );
        onDone(next, t(`review.sent.${decision as Decision}`));
      },
      t,
    );
  };
  return (
    <>
      <p>{t('review.lead')}</p>
      <ProblemSummary lines={form.summary(REVIEW_PATHS)} attempt={form.attempt} />
      <form noValidate onSubmit={submit} class="fr-form">
        <RadioGroup
          path="decision"
          label={t('review.decision')}
          value={decision}
          onChange={(value) => setDecision(value as Decision)}
          options={DECISIONS.map((value) => ({ value, label: t(`decision.${value}`) }))}
          error={form.at('decision')}
        />
        <TextField
          path="comment"
          label={t('review.comment')}
          hint={t('review.commentHint')}
          multiline
          optional={decision === 'approve'}
          value={comment}
          onInput={setComment}
          error={form.at('comment')}
        />
        <button type="submit" class="button" disabled={form.busy}>
          {form.busy ? t('form.sending') : t('review.submit')}
        </button>
      </form>
    </>
  );
}

/** The directorate's comment the department answers. */
export function ReviewComment({ request }: { request: FormRequest }) {
  const { t, lang } = useFr();
  const review = lastReview(request.history);
  if (!review?.comment) return null;
  return (
    <div class="panel panel--guidance fr-asked">
      <p>
        <strong>{t('changes.comment', { who: review.by.name, date: formatDateTime(review.at, lang) })}</strong>
      </p>
      <blockquote class="fr-comment">
        <p>{review.comment}</p>
      </blockquote>
    </div>
  );
}

export function RevisePanel({ request, onDone }: { request: FormRequest; onDone: OnDone }) {
  const { t } = useFr();
  const send = async (petition: FormRequest['petition']) => {
    const next = await call(
      api().PUT('/form-requests/{requestId}/petition', {
        params: { path: { requestId: request.id } },
        body: petition,
      }),
    );
    onDone(next, t('changes.sent'));
  };
  return (
    <>
      <ReviewComment request={request} />
      <p>{t('changes.lead')}</p>
      <PetitionForm initial={request.petition} submitLabel={t('changes.submit')} onSubmit={send} />
    </>
  );
}

export function SetupPanel({ request, onDone }: { request: FormRequest; onDone: OnDone }) {
  const { t } = useFr();
  const languages = sortLanguages(request.petition.languages);
  const paths = languages.map((language) => `urls.${language}`);
  const [urls, setUrls] = useState<Record<string, string>>(() => ({ ...(request.urls ?? {}) }));
  const form = useFormState();
  const submit = (event: Event) => {
    event.preventDefault();
    const found: FieldErrors = {};
    for (const language of languages) {
      if (!isHttpsUrl(urls[language] ?? '')) found[`urls.${language}`] = t('v.url');
    }
    return form.run(
      found,
      paths,
      async () => {
        const body = {
          urls: Object.fromEntries(languages.map((language) => [language, (urls[language] ?? '').trim()])),
        };
        const next = await call(
          api().POST('/form-requests/{requestId}/setup', { params: { path: { requestId: request.id } }, body }),
        );
        onDone(next, t('setup.sent'));
      },
      t,
    );
  };
  return (
    <>
      <p>{t('setup.lead')}</p>
      <ProblemSummary lines={form.summary(paths)} attempt={form.attempt} />
      <form noValidate onSubmit={submit} class="fr-form">
        {languages.map((language) => (
          <TextField
            key={language}
            path={`urls.${language}`}
            label={t('setup.url', { language: languageName(language, t) })}
            hint={t('setup.urlHint')}
            spellcheck={false}
            autocomplete="off"
            value={urls[language] ?? ''}
            onInput={(value) => setUrls((all) => ({ ...all, [language]: value }))}
            error={form.at(`urls.${language}`)}
          />
        ))}
        <button type="submit" class="button" disabled={form.busy}>
          {form.busy ? t('form.sending') : t('setup.submit')}
        </button>
      </form>
    </>
  );
}

/** The form's addresses, one per language. */
export function Urls({ urls }: { urls: Record<string, string> }) {
  const { t } = useFr();
  return (
    <dl class="fr-facts fr-urls">
      {sortLanguages(Object.keys(urls)).map((language) => (
        <div key={language}>
          <dt>{languageName(language, t, true)}</dt>
          <dd class="fr-break">
            <a href={urls[language]} hrefLang={language}>
              {urls[language]}
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function LinksPanel({ request, onDone }: { request: FormRequest; onDone: OnDone }) {
  const { t } = useFr();
  const form = useFormState();
  const submit = (event: Event) => {
    event.preventDefault();
    return form.run(
      {},
      [],
      async () => {
        const next = await call(
          api().POST('/form-requests/{requestId}/links-updated', { params: { path: { requestId: request.id } } }),
        );
        onDone(next, t('links.sent'));
      },
      t,
    );
  };
  return (
    <>
      <p>{t('links.lead')}</p>
      {request.urls ? <Urls urls={request.urls} /> : null}
      <ProblemSummary lines={form.summary([])} attempt={form.attempt} />
      <form noValidate onSubmit={submit}>
        <button type="submit" class="button" disabled={form.busy}>
          {form.busy ? t('form.sending') : t('links.submit')}
        </button>
      </form>
    </>
  );
}
