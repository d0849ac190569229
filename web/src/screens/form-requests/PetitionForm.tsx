/**
 * The petition (steps 1 and, revised, 2): the website, the topics, the languages and whom to
 * talk to. Checked here with the API's rules first; the API's own problems land at the fields.
 */
import { useState } from 'preact/hooks';
import type { FieldErrors } from '../../api/problem';
import { TextField } from '../../components/fields';
import { LanguagePicker, ProblemSummary, TopicPicker, useFr, useTopics } from './common';
import { type Failure, failureOf, summaryLines } from './failure';
import { checkPetition, type Petition, type PetitionDraft, petitionBody } from './model';

const PATHS = ['website', 'topics', 'languages', 'contact.name', 'contact.email', 'contact.phone'];

export function PetitionForm({
  initial,
  contact,
  submitLabel,
  onSubmit,
}: {
  initial?: Petition;
  contact?: { name: string; email: string };
  submitLabel: string;
  onSubmit: (petition: Petition) => Promise<void>;
}) {
  const { t } = useFr();
  const topics = useTopics();
  const [draft, setDraft] = useState<PetitionDraft>(() => ({
    website: initial?.website ?? '',
    topics: initial?.topics ?? [],
    languages: initial?.languages ?? ['ca', 'es', 'oc', 'en'],
    name: initial?.contact.name ?? contact?.name ?? '',
    email: initial?.contact.email ?? contact?.email ?? '',
    phone: initial?.contact.phone ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure>({ fields: {}, lines: [] });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<PetitionDraft>) => setDraft((current) => ({ ...current, ...change }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = checkPetition(draft, t);
    setErrors(found);
    setFailure({ fields: {}, lines: [] });
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(petitionBody(draft));
    } catch (error) {
      setFailure(failureOf(error, PATHS, t));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const at = (path: string) => errors[path] ?? failure.fields[path];
  return (
    <>
      <ProblemSummary lines={summaryLines(errors, PATHS, failure.fields, failure.lines)} attempt={attempt} />
      <form onSubmit={submit} noValidate class="fr-form">
        <TextField
          path="website"
          label={t('form.website')}
          hint={t('form.websiteHint')}
          type="text"
          inputMode="text"
          autocomplete="url"
          spellcheck={false}
          value={draft.website}
          onInput={(website) => set({ website })}
          error={at('website')}
        />
        <TopicPicker
          topics={topics}
          value={draft.topics}
          onChange={(next) => set({ topics: next })}
          error={at('topics')}
        />
        <LanguagePicker
          value={draft.languages}
          onChange={(languages) => set({ languages })}
          error={at('languages')}
          hint={t('form.languagesHint')}
        />
        <fieldset class="group">
          <legend>{t('form.contact')}</legend>
          <p class="hint">{t('form.contactHint')}</p>
          <TextField
            path="contact.name"
            label={t('form.name')}
            autocomplete="name"
            value={draft.name}
            onInput={(name) => set({ name })}
            error={at('contact.name')}
          />
          <TextField
            path="contact.email"
            label={t('form.email')}
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={draft.email}
            onInput={(email) => set({ email })}
            error={at('contact.email')}
          />
          <TextField
            path="contact.phone"
            label={t('form.phone')}
            type="tel"
            autocomplete="tel"
            optional
            width="medium"
            value={draft.phone}
            onInput={(phone) => set({ phone })}
            error={at('contact.phone')}
          />
        </fieldset>
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('form.sending') : submitLabel}
        </button>
      </form>
    </>
  );
}
