/**
 * What the form-request screens share: their `t()`, the words for steps and parties, the
 * timeline of the seven steps, the history, the petition in words, the topic and language
 * pickers, and an error summary whose lines may hold markup (an API message in English).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, call, type Topic } from '../../api/client';
import { fieldId } from '../../api/problem';
import { session } from '../../auth/session';
import { HintAndError } from '../../components/fields';
import { type AreaTranslate, useMessages } from '../../i18n/bundle';
import { formatDateTime, formatShortDate } from '../../i18n/dates';
import { LANGUAGES, type Language } from '../../i18n/languages';
import { useStore } from '../../lib/store';
import { RequireSignIn } from '../RequireSignIn';
import { type FrKey, messages } from './messages';
import {
  type FormRequest,
  type FormRequestSummary,
  type HistoryEntry,
  ITEM_ACTOR,
  PARTIES,
  type Party,
  type Petition,
  partyOf,
  sortLanguages,
  timeline,
} from './model';
import './form-requests.css';

export type FrTranslate = AreaTranslate<FrKey>;
export const useFr = () => useMessages(messages);

/** The party the signed-in person acts as. */
export function useParty(): Party | undefined {
  const signedIn = useStore(session);
  return signedIn ? partyOf(signedIn.groups) : undefined;
}

/** Only the department, the directorate and the technical office (the API checks again). */
export function RequireParty({ children }: { children: ComponentChildren }) {
  return <RequireSignIn groups={PARTIES}>{children}</RequireSignIn>;
}

/** A language's name in the reader's language: "català", or "Català" to start a label. */
export const languageName = (language: string, t: FrTranslate, capital = false) => {
  const name = (LANGUAGES as readonly string[]).includes(language) ? t(`lang.${language as Language}`) : language;
  return capital ? name.charAt(0).toLocaleUpperCase() + name.slice(1) : name;
};

export const languageList = (languages: readonly string[], t: FrTranslate) =>
  sortLanguages(languages)
    .map((language) => languageName(language, t))
    .join(', ');

/** Who must act, in words; "you" when it is the reader's party. */
export const partyWords = (party: Party | undefined, viewer: Party | undefined, t: FrTranslate) =>
  !party ? t('party.nobody') : party === viewer ? t('party.you') : t(`party.${party}`);

/** The deadline in words (never colour alone): due on, late since, or none. */
export function Due({ request }: { request: Pick<FormRequestSummary, 'dueAt' | 'late' | 'status'> }) {
  const { t, lang } = useFr();
  if (request.status !== 'in_progress') return <span>{t('due.ended')}</span>;
  if (!request.dueAt) return <span>{t('due.none')}</span>;
  const date = formatDateTime(request.dueAt, lang);
  return request.late ? (
    <span class="fr-due fr-due--late">
      <span aria-hidden="true">✕ </span>
      {t('due.late', { date })}
    </span>
  ) : (
    <span class="fr-due">{t('due.on', { date })}</span>
  );
}

export const shortDate = (iso: string) => <time dateTime={iso}>{formatShortDate(iso)}</time>;

const MARKS: Record<string, string> = {
  done: '✓',
  current: '●',
  changes: '↺',
  pending: '○',
  rejected: '✕',
  skipped: '–',
};

/**
 * The seven steps as an ordered list: the current one carries `aria-current="step"`, and every
 * step says in words whether it is done, current or still to come (the marks only repeat it).
 */
export function Timeline({ request }: { request: Pick<FormRequest, 'step'> }) {
  const { t } = useFr();
  return (
    <section class="fr-section" aria-labelledby="fr-timeline-title">
      <h2 id="fr-timeline-title">{t('timeline.title')}</h2>
      <ol class="fr-timeline">
        {timeline(request.step).map(({ item, state, current }) => {
          const actor = ITEM_ACTOR[item];
          return (
            <li key={item} class={`fr-step fr-step--${state}`} aria-current={current ? 'step' : undefined}>
              <span class="fr-step-mark" aria-hidden="true">
                {MARKS[state]}
              </span>
              <span class="fr-step-body">
                <span class="fr-step-name">{t(`item.${item}`)}</span>
                {actor ? <span class="fr-step-actor">{t(`actor.${actor}`)}</span> : null}
                <span class="fr-step-state">{t(`state.${state}`)}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function historyText(entry: HistoryEntry, t: FrTranslate): string {
  if (entry.action === 'review') return t(`h.${entry.decision ?? 'approve'}`);
  if (entry.action === 'template') return t('h.template', { language: languageName(entry.language ?? '', t) });
  return t(`h.${entry.action}`);
}

/** Who did what, when: oldest first, as it happened. */
export function History({ history }: { history: readonly HistoryEntry[] }) {
  const { t, lang } = useFr();
  return (
    <section class="fr-section" aria-labelledby="fr-history-title">
      <h2 id="fr-history-title">{t('history.title')}</h2>
      <ol class="fr-history">
        {history.map((entry, index) => (
          <li key={`${entry.at}-${index}`} class="fr-history-entry">
            <p class="fr-history-head">
              <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
              {' · '}
              <strong>{entry.by.name}</strong>
              {' · '}
              <span>{t('h.step', { step: t(`step.${entry.step}`) })}</span>
            </p>
            <p class="fr-history-what">{historyText(entry, t)}</p>
            {entry.comment ? (
              <blockquote class="fr-comment">
                <p>{entry.comment}</p>
              </blockquote>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The topics of the portal, names in the reader's language (an empty list if they cannot be read). */
export function useTopics(): Topic[] | undefined {
  const { lang } = useFr();
  const [topics, setTopics] = useState<Topic[]>();
  useEffect(() => {
    let current = true;
    call(api().GET('/topics'))
      .then((result) => current && setTopics(result.items))
      .catch(() => current && setTopics([]));
    return () => {
      current = false;
    };
  }, [lang]);
  return topics;
}

export const topicName = (id: string, topics: readonly Topic[] | undefined) =>
  topics?.find((topic) => topic.id === id)?.name ?? id;

/** The petition in words: a description list. */
export function PetitionFacts({ petition, topics }: { petition: Petition; topics: Topic[] | undefined }) {
  const { t } = useFr();
  return (
    <dl class="fr-facts">
      <div>
        <dt>{t('petition.website')}</dt>
        <dd class="fr-break">{petition.website}</dd>
      </div>
      <div>
        <dt>{t('petition.languages')}</dt>
        <dd>{languageList(petition.languages, t)}</dd>
      </div>
      <div>
        <dt>{t('petition.topics')}</dt>
        <dd>
          <ul class="fr-plain">
            {petition.topics.map((id) => (
              <li key={id}>{topicName(id, topics)}</li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{t('petition.contact')}</dt>
        <dd>
          {petition.contact.name}
          <br />
          <span class="fr-break">{petition.contact.email}</span>
          {petition.contact.phone ? (
            <>
              <br />
              {petition.contact.phone}
            </>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The topics a form offers, as a tree of checkboxes: each area (level 1), its topics (level 2)
 * and theirs (level 3) in nested lists. The first box carries the path's id, for the summary.
 */
export function TopicPicker({
  topics,
  value,
  onChange,
  error,
}: {
  topics: Topic[] | undefined;
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const { t } = useFr();
  const path = 'topics';
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  let count = 0;
  const box = (topic: Topic, children?: ComponentChildren, className?: string) => {
    const id = count === 0 ? fieldId(path) : `${fieldId(path)}-${count}`;
    count += 1;
    return (
      <li key={topic.id} class={className}>
        <div class="choice choice--check">
          <input
            type="checkbox"
            id={id}
            name={path}
            value={topic.id}
            checked={value.includes(topic.id)}
            onChange={(event) => toggle(topic.id, event.currentTarget.checked)}
          />
          <label for={id}>{topic.name}</label>
        </div>
        {children}
      </li>
    );
  };
  const under = (parentId: string) => (topics ?? []).filter((topic) => topic.parentId === parentId);
  const areas = (topics ?? []).filter((topic) => topic.parentId === null);
  const describedBy = [`${fieldId(path)}-hint`, error ? `${fieldId(path)}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy}>
        <legend>{t('form.topics')}</legend>
        <HintAndError path={path} hint={t('form.topicsHint')} error={error} />
        {!topics ? (
          <p class="loading">{t('app.loading')}</p>
        ) : topics.length === 0 ? (
          <p>{t('topics.none')}</p>
        ) : (
          <ul class="fr-plain fr-topics">
            {areas.map((area) =>
              box(
                area,
                under(area.id).length > 0 ? (
                  <ul class="fr-plain fr-nested">
                    {under(area.id).map((topic) =>
                      box(
                        topic,
                        under(topic.id).length > 0 ? (
                          <ul class="fr-plain fr-nested">{under(topic.id).map((child) => box(child))}</ul>
                        ) : undefined,
                      ),
                    )}
                  </ul>
                ) : undefined,
                'fr-topic-area',
              ),
            )}
          </ul>
        )}
      </fieldset>
    </div>
  );
}

/** The form's languages: the portal's four, in their order. */
export function LanguagePicker({
  value,
  onChange,
  error,
  hint,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
  hint?: string;
}) {
  const { t } = useFr();
  const path = 'languages';
  const describedBy = [hint ? `${fieldId(path)}-hint` : '', error ? `${fieldId(path)}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset aria-describedby={describedBy || undefined}>
        <legend>{t('form.languages')}</legend>
        <HintAndError path={path} hint={hint} error={error} />
        <div class="choices choices--inline">
          {LANGUAGES.map((language, index) => {
            const id = index === 0 ? fieldId(path) : `${fieldId(path)}-${index}`;
            return (
              <div class="choice choice--check" key={language}>
                <input
                  type="checkbox"
                  id={id}
                  name={path}
                  value={language}
                  checked={value.includes(language)}
                  onChange={(event) =>
                    onChange(
                      event.currentTarget.checked
                        ? sortLanguages([...value, language])
                        : value.filter((v) => v !== language),
                    )
                  }
                />
                <label for={id}>{languageName(language, t, true)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export interface ProblemLine {
  key: string;
  content: ComponentChildren;
  /** The control it is about (its id), if any. */
  target?: string;
}

/**
 * The GOV.UK error summary (as components/ErrorSummary.tsx), for lines that hold markup: a
 * template problem keeps the API's English words marked `lang="en"`.
 */
export function ProblemSummary({
  lines,
  attempt,
  id = 'error-summary-title',
}: {
  lines: readonly ProblemLine[];
  attempt: number;
  /** Its heading's id, when a page has several forms. */
  id?: string;
}) {
  const { t } = useFr();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (lines.length > 0) box.current?.focus();
  }, [attempt, lines.length > 0]);
  if (lines.length === 0) return null;
  const follow = (event: MouseEvent, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    (target.closest('.field') ?? target).scrollIntoView({ block: 'start' });
  };
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby={id}>
      <h2 id={id}>{t('errorSummary.title')}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>
            {line.target ? (
              <a href={`#${line.target}`} onClick={(event) => follow(event, line.target as string)}>
                {line.content}
              </a>
            ) : (
              line.content
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An API message, in English whatever the reader's language: marked so. */
export function ApiWords({ text }: { text: string }) {
  return <span lang="en">{text}</span>;
}

/** A status line after an action: announced, and focused so keyboard users start from it. */
export function Done({ message }: { message: string | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <p class={message ? 'panel panel--success' : 'confirmation'} role="status" tabIndex={-1} ref={ref}>
      {message ?? ''}
    </p>
  );
}
