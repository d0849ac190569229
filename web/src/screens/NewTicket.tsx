import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type CreateTicket, call, idempotencyKey, type TicketType, type Topic } from '../api/client';
import { ApiError, type FieldErrors, mapProblem, type SummaryItem, summaryItems } from '../api/problem';
import { STAFF_GROUPS } from '../auth/profile';
import { session } from '../auth/session';
import { type Declare, FilePicker, useFileQueue, useFilesMessages } from '../components/Attachments';
import { ErrorSummary } from '../components/ErrorSummary';
import { Checkbox, RadioGroup, TextField } from '../components/fields';
import { Loading, Page } from '../components/Page';
import { type MessageKey, useI18n } from '../i18n';
import { rememberUnsent, type UnsentFiles } from '../lib/attachments';
import { useStore } from '../lib/store';
import {
  checkLength,
  type FieldValue,
  type FieldValues,
  fieldsPayload,
  isEmail,
  isPhone,
  isShown,
  validateTopicFields,
} from '../lib/validation';
import { navigate, useLocation } from '../router';
import { rememberFiled } from './filed';
import { RequireSignIn } from './RequireSignIn';
import { TopicFields } from './TopicForm';
import { childrenOf, chosenTopic, NONE, topicOptions } from './topics';

const LEVEL_LEGENDS: MessageKey[] = ['new.level1', 'new.level2', 'new.level3'];
const IMPACT_TYPES: readonly TicketType[] = ['incident', 'request', 'query'];

interface Answers {
  type: string;
  subject: string;
  description: string;
  blocksWork: boolean;
  affectsOthers: boolean;
  affectsCitizens: boolean;
  impactNote: string;
  phone: string;
  slot: string;
  date: string;
  name: string;
  email: string;
  /** Staff recording a ticket: how it came in, and the requester's phone. */
  channel: string;
  contactPhone: string;
}

const EMPTY: Answers = {
  type: '',
  subject: '',
  description: '',
  blocksWork: false,
  affectsOthers: false,
  affectsCitizens: false,
  impactNote: '',
  phone: '',
  slot: '',
  date: '',
  name: '',
  email: '',
  channel: '',
  contactPhone: '',
};

const RECORDED_CHANNELS = ['phone', 'email', 'in_person'] as const;
type RecordedChannel = (typeof RECORDED_CHANNELS)[number];

/** Guidance is plain text; blank lines separate paragraphs. */
function Guidance({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <section class="panel panel--guidance" aria-labelledby="guidance-title">
      <h2 id="guidance-title">{t('new.guidance')}</h2>
      {text.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}

/**
 * `/new`: a requester's new ticket (signed in, or as a guest). `/desk/new`: staff record one
 * that came by phone, email or in person, on behalf of its requester (`onBehalfOf`).
 */
export default function NewTicketScreen() {
  const { path } = useLocation();
  return path.startsWith('/desk/') ? (
    <RequireSignIn groups={STAFF_GROUPS}>
      <NewTicket recording />
    </RequireSignIn>
  ) : (
    <NewTicket />
  );
}

function NewTicket({ recording = false }: { recording?: boolean }) {
  const { t, lang } = useI18n();
  const signedIn = useStore(session);
  const title = t(recording ? 'record.title' : 'new.title');
  const [topics, setTopics] = useState<Topic[]>();
  const [loadError, setLoadError] = useState<string>();
  const [path, setPath] = useState<string[]>(['']);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [values, setValues] = useState<FieldValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [extra, setExtra] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const files = useFileQueue();
  const filesText = useFilesMessages().t;
  // One key per filing: a double click or a retry after a timeout files once.
  const key = useRef(idempotencyKey());

  // Names, guidance and forms come in the reader's language: fetched again when it changes.
  useEffect(() => {
    let current = true;
    call(api().GET('/topics'))
      .then((list) => current && setTopics(list.items))
      .catch(
        (error: unknown) =>
          current &&
          setLoadError(t(error instanceof ApiError && error.status === 0 ? 'error.network' : 'error.generic')),
      );
    return () => {
      current = false;
    };
  }, [lang]);

  const topic = useMemo(() => (topics ? chosenTopic(topics, path) : undefined), [topics, path]);
  const set = <K extends keyof Answers>(name: K, value: Answers[K]) => setAnswers((a) => ({ ...a, [name]: value }));

  const choose = (level: number, id: string) => {
    setPath((current) => {
      const next = [...current.slice(0, level), id];
      const parent = topics?.find((candidate) => candidate.id === id);
      if (id !== NONE && parent && topics && childrenOf(topics, id).length > 0) next.push('');
      return next;
    });
    setValues({});
    setErrors({});
    setExtra([]);
  };

  if (loadError)
    return (
      <Page title={title}>
        <p class="notice notice--error">{loadError}</p>
      </Page>
    );
  if (!topics)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  if (topics.length === 0)
    return (
      <Page title={title}>
        <p>{t('new.noTopics')}</p>
      </Page>
    );

  // A topic with one ticket type needs no question; a choice made under another topic does not carry over.
  const types = topic?.ticketTypes ?? [];
  const type = (types.length === 1 ? types[0] : types.includes(answers.type as TicketType) ? answers.type : '') as
    | TicketType
    | '';
  const showImpact = type !== '' && IMPACT_TYPES.includes(type);
  const isCallback = type === 'callback';

  /** The input paths on screen, in page order: the error summary follows it. */
  const shownPaths = [
    'type',
    ...(topic?.form.fields ?? []).filter((field) => isShown(field, values)).map((field) => `fields.${field.name}`),
    ...(isCallback ? ['callback.phone', 'callback.slot', 'callback.date'] : []),
    'subject',
    'description',
    'attachments',
    ...(showImpact ? ['impact.note'] : []),
    ...(recording ? ['channel', 'onBehalfOf.name', 'onBehalfOf.email', 'onBehalfOf.phone'] : []),
    ...(signedIn ? [] : ['requester.name', 'requester.email']),
  ];

  const validate = (): FieldErrors => {
    if (!topic) return {};
    const found: FieldErrors = {};
    if (!type) found.type = t('v.choose', { label: t('new.type') });
    Object.assign(found, validateTopicFields(topic.form.fields, values, t));
    if (isCallback) {
      if (!answers.phone.trim()) found['callback.phone'] = t('v.required', { label: t('new.callbackPhone') });
      else if (!isPhone(answers.phone)) found['callback.phone'] = t('v.phone');
      if (!answers.slot) found['callback.slot'] = t('v.choose', { label: t('new.slot') });
    }
    const subject = checkLength(t('new.subject'), answers.subject, 3, 200, t);
    if (subject) found.subject = subject;
    const description = checkLength(t('new.description'), answers.description, 1, 10_000, t);
    if (description) found.description = description;
    const filesProblem = files.problem();
    if (filesProblem) found.attachments = filesProblem;
    if (recording) {
      if (!answers.channel) found.channel = t('v.choose', { label: t('record.channel') });
      if (!answers.name.trim()) found['onBehalfOf.name'] = t('v.required', { label: t('record.name') });
      if (answers.email.trim() && !isEmail(answers.email)) found['onBehalfOf.email'] = t('v.email');
      if (answers.contactPhone.trim() && !isPhone(answers.contactPhone)) found['onBehalfOf.phone'] = t('v.phone');
    }
    if (!signedIn) {
      if (!answers.name.trim()) found['requester.name'] = t('v.required', { label: t('new.name') });
      if (!answers.email.trim()) found['requester.email'] = t('v.required', { label: t('new.email') });
      else if (!isEmail(answers.email)) found['requester.email'] = t('v.email');
    }
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!topic) return;
    const found = validate();
    setErrors(found);
    setExtra([]);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const body: CreateTicket = {
      type: type as TicketType,
      topicId: topic.id,
      subject: answers.subject.trim(),
      description: answers.description.trim(),
      fields: fieldsPayload(topic.form.fields, values),
      ...(showImpact
        ? {
            impact: {
              blocksWork: answers.blocksWork,
              affectsOthers: answers.affectsOthers,
              affectsCitizens: answers.affectsCitizens,
              ...(answers.impactNote.trim() ? { note: answers.impactNote.trim() } : {}),
            },
          }
        : {}),
      ...(isCallback
        ? {
            callback: {
              phone: answers.phone.trim(),
              slot: answers.slot as 'morning' | 'afternoon',
              ...(answers.date ? { date: answers.date } : {}),
            },
          }
        : {}),
    };
    setBusy(true);
    /** After the ticket is filed: its files, one after another; the ones that did not go, in words. */
    const sendFiles = async (declare: Declare): Promise<UnsentFiles['files']> => {
      if (files.pending === 0) return [];
      const { failed } = await files.send(declare);
      return failed.map((file) => ({ name: file.file.name, reason: file.error ?? '' }));
    };
    const signedInDeclare =
      (ticketId: string): Declare =>
      (attachment) =>
        call(api().POST('/tickets/{ticketId}/attachments', { params: { path: { ticketId } }, body: attachment }));
    try {
      const params = { header: { 'Idempotency-Key': key.current } };
      if (recording) {
        const onBehalfOf = {
          name: answers.name.trim(),
          ...(answers.email.trim() ? { email: answers.email.trim() } : {}),
          ...(answers.contactPhone.trim() ? { phone: answers.contactPhone.trim() } : {}),
        };
        const channel = answers.channel as RecordedChannel;
        const ticket = await call(api().POST('/tickets', { params, body: { ...body, channel, onBehalfOf } }));
        key.current = idempotencyKey();
        rememberUnsent({ ticketId: ticket.id, files: await sendFiles(signedInDeclare(ticket.id)) });
        navigate(`/desk/tickets/${encodeURIComponent(ticket.id)}`);
      } else if (signedIn) {
        const ticket = await call(api().POST('/tickets', { params, body }));
        key.current = idempotencyKey();
        rememberUnsent({ ticketId: ticket.id, files: await sendFiles(signedInDeclare(ticket.id)) });
        navigate(`/tickets/${encodeURIComponent(ticket.id)}`);
      } else {
        const requester = { name: answers.name.trim(), email: answers.email.trim() };
        const ticket = await call(api().POST('/public/tickets', { params, body: { ...body, requester } }));
        key.current = idempotencyKey();
        // The upload token opens this ticket's uploads for an hour; the access link goes by mail.
        const header = { 'X-Upload-Token': ticket.uploadToken };
        const names = files.items.filter((file) => !file.problem).map((file) => file.file.name);
        const failed = await sendFiles((attachment) =>
          call(
            api().POST('/public/tickets/{ticketId}/attachments', {
              params: { path: { ticketId: ticket.id }, header },
              body: attachment,
            }),
          ),
        );
        const sent = names.filter((name) => !failed.some((file) => file.name === name));
        rememberFiled({ number: ticket.number, email: requester.email, files: { sent, failed } });
        navigate('/new/sent');
      }
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        const mapped = mapProblem(error.errors, shownPaths);
        setErrors(mapped.fields);
        setExtra(mapped.unplaced);
      } else if (error instanceof ApiError && error.status !== 0) {
        setExtra([error.detail ?? error.title ?? t('error.generic')]);
      } else {
        setExtra([t('error.network')]);
      }
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const items: SummaryItem[] = summaryItems(errors, shownPaths, extra);
  const setField = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));
  const typeOptions = (topic?.ticketTypes ?? []).map((value) => ({ value, label: t(`type.${value}` as MessageKey) }));

  return (
    <Page title={title} lead={<p class="lead">{t(recording ? 'record.intro' : 'new.intro')}</p>}>
      <ErrorSummary items={items} attempt={attempt} />
      {path.map((id, level) => {
        const parentId = level === 0 ? null : (path[level - 1] as string);
        const siblings = childrenOf(topics, parentId);
        const parent = topics.find((candidate) => candidate.id === parentId);
        const options = topicOptions(siblings);
        if (parent?.fileable) options.push({ value: NONE, label: t('new.noneOfThese') });
        return (
          <RadioGroup
            key={`level-${level}-${parentId ?? 'root'}`}
            path={`topic.level${level + 1}`}
            label={t(LEVEL_LEGENDS[level] ?? 'new.level3')}
            large={level === 0}
            options={options}
            value={id}
            onChange={(value) => choose(level, value)}
          />
        );
      })}
      {topic ? (
        <>
          {topic.guidance ? <Guidance text={topic.guidance} /> : null}
          <form onSubmit={submit} noValidate>
            <h2>{topic.name}</h2>
            {typeOptions.length > 1 ? (
              <RadioGroup
                path="type"
                label={t('new.type')}
                options={typeOptions}
                value={type}
                onChange={(value) => set('type', value)}
                error={errors.type}
              />
            ) : null}
            {topic.form.fields.length > 0 ? (
              <fieldset class="group">
                <legend>{t('new.topicForm')}</legend>
                <TopicFields fields={topic.form.fields} values={values} errors={errors} onChange={setField} />
              </fieldset>
            ) : null}
            {isCallback ? (
              <fieldset class="group">
                <legend>{t('new.callback')}</legend>
                <TextField
                  path="callback.phone"
                  label={t('new.callbackPhone')}
                  type="tel"
                  autocomplete="tel"
                  width="medium"
                  value={answers.phone}
                  onInput={(value) => set('phone', value)}
                  error={errors['callback.phone']}
                />
                <RadioGroup
                  path="callback.slot"
                  label={t('new.slot')}
                  options={[
                    { value: 'morning', label: t('new.slotMorning') },
                    { value: 'afternoon', label: t('new.slotAfternoon') },
                  ]}
                  value={answers.slot}
                  onChange={(value) => set('slot', value)}
                  error={errors['callback.slot']}
                />
                <TextField
                  path="callback.date"
                  label={t('new.callbackDate')}
                  optional
                  type="date"
                  width="medium"
                  value={answers.date}
                  onInput={(value) => set('date', value)}
                  error={errors['callback.date']}
                />
              </fieldset>
            ) : null}
            <fieldset class="group">
              <legend>{t('new.aboutRequest')}</legend>
              <TextField
                path="subject"
                label={t('new.subject')}
                hint={t('new.subjectHelp')}
                value={answers.subject}
                onInput={(value) => set('subject', value)}
                error={errors.subject}
              />
              <TextField
                path="description"
                label={t('new.description')}
                hint={t('new.descriptionHelp')}
                multiline
                value={answers.description}
                onInput={(value) => set('description', value)}
                error={errors.description}
              />
              <FilePicker queue={files} path="attachments" error={errors.attachments} />
            </fieldset>
            {showImpact ? (
              <fieldset class="group" aria-describedby="impact-hint">
                <legend>{t('new.impact')}</legend>
                <p class="hint" id="impact-hint">
                  {t('new.impactHelp')}
                </p>
                <Checkbox
                  path="impact.blocksWork"
                  label={t('new.blocksWork')}
                  value={answers.blocksWork}
                  onChange={(value) => set('blocksWork', value)}
                />
                <Checkbox
                  path="impact.affectsOthers"
                  label={t('new.affectsOthers')}
                  value={answers.affectsOthers}
                  onChange={(value) => set('affectsOthers', value)}
                />
                <Checkbox
                  path="impact.affectsCitizens"
                  label={t('new.affectsCitizens')}
                  value={answers.affectsCitizens}
                  onChange={(value) => set('affectsCitizens', value)}
                />
                <TextField
                  path="impact.note"
                  label={t('new.impactNote')}
                  optional
                  multiline
                  value={answers.impactNote}
                  onInput={(value) => set('impactNote', value)}
                  error={errors['impact.note']}
                />
              </fieldset>
            ) : null}
            {recording ? (
              <fieldset class="group">
                <legend>{t('record.who')}</legend>
                <RadioGroup
                  path="channel"
                  label={t('record.channel')}
                  options={RECORDED_CHANNELS.map((value) => ({ value, label: t(`record.channel.${value}`) }))}
                  value={answers.channel}
                  onChange={(value) => set('channel', value)}
                  error={errors.channel}
                />
                <TextField
                  path="onBehalfOf.name"
                  label={t('record.name')}
                  value={answers.name}
                  onInput={(value) => set('name', value)}
                  error={errors['onBehalfOf.name']}
                />
                <TextField
                  path="onBehalfOf.email"
                  label={t('record.email')}
                  hint={t('record.emailHint')}
                  optional
                  type="email"
                  spellcheck={false}
                  value={answers.email}
                  onInput={(value) => set('email', value)}
                  error={errors['onBehalfOf.email']}
                />
                <TextField
                  path="onBehalfOf.phone"
                  label={t('record.phone')}
                  optional
                  type="tel"
                  width="medium"
                  value={answers.contactPhone}
                  onInput={(value) => set('contactPhone', value)}
                  error={errors['onBehalfOf.phone']}
                />
              </fieldset>
            ) : null}
            {signedIn ? null : (
              <fieldset class="group" aria-describedby="guest-note">
                <legend>{t('new.you')}</legend>
                <p class="hint" id="guest-note">
                  {t('new.guestNote')}
                </p>
                <TextField
                  path="requester.name"
                  label={t('new.name')}
                  autocomplete="name"
                  value={answers.name}
                  onInput={(value) => set('name', value)}
                  error={errors['requester.name']}
                />
                <TextField
                  path="requester.email"
                  label={t('new.email')}
                  type="email"
                  autocomplete="email"
                  spellcheck={false}
                  value={answers.email}
                  onInput={(value) => set('email', value)}
                  error={errors['requester.email']}
                />
              </fieldset>
            )}
            <button type="submit" class="button" disabled={busy}>
              {files.sending ? filesText('files.sendingFiles') : busy ? t('form.sending') : t('new.submit')}
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
}
