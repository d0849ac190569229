/**
 * `/desk/tickets/:id`: one ticket as staff work it. The facts and commitments, the thread with
 * internal notes set apart, a reply (to the requester, an internal note, or a request for
 * information), the actions (take, assign, forward, priority, status; each a PATCH with
 * If-Match) and the history. After each action: a polite confirmation and the ticket read
 * again; a lost update (409) reloads it and says so; bad input shows at the field and in the
 * error summary.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  api,
  call,
  type FormField,
  idempotencyKey,
  type Schemas,
  type TicketStatus,
  type TicketWithThread,
} from '../../api/client';
import { ApiError, type FieldErrors, fieldId, mapProblem, summaryItems } from '../../api/problem';
import { STAFF_GROUPS, useProfile } from '../../auth/profile';
import {
  AttachmentList,
  type Download,
  FilePicker,
  filesByMessage,
  UnsentNotice,
  useFileQueue,
  useFilesMessages,
  useScanPolling,
} from '../../components/Attachments';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup, SelectField, TextField } from '../../components/fields';
import { Loading, Page } from '../../components/Page';
import type { MessageKey } from '../../i18n';
import { formatDateTime, formatDay } from '../../i18n/dates';
import { takeUnsent } from '../../lib/attachments';
import { checkLength } from '../../lib/validation';
import { Link, type Params } from '../../router';
import { RequireSignIn } from '../RequireSignIn';
import { failureText } from '../TicketView';
import {
  type Agent,
  type DeskTranslate,
  PRIORITIES,
  type Priority,
  priorityWords,
  SlaBadge,
  statusWords,
  type Team,
  teamName,
  useDeskMessages,
  useNow,
  useTeams,
} from './common';
import { historyText } from './history';
import { durationText } from './sla';

type Ticket = TicketWithThread;
type Kind = 'reply' | 'internal' | 'requestInfo';

/**
 * Where staff may set a status directly from each status, as the API's lifecycle allows
 * (functions/tickets/domain/lifecycle.ts); forwarding goes through a team instead. The API
 * decides: this only spares people choices it would refuse.
 */
const NEXT_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'waiting_on_requester', 'resolved', 'closed'],
  in_progress: ['waiting_on_requester', 'resolved'],
  waiting_on_requester: ['in_progress', 'resolved', 'closed'],
  forwarded: ['in_progress', 'waiting_on_requester', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

/** The form controls in page order (the error summary lists problems in this order). */
const PATHS = ['message-kind', 'message-body', 'message-files', 'assignee', 'team', 'priority', 'reason', 'status'];
/** The API's input paths as this page's controls. */
const API_PATHS: Record<string, string> = {
  body: 'message-body',
  internal: 'message-kind',
  requestInfo: 'message-kind',
  assigneeId: 'assignee',
  teamId: 'team',
  priority: 'priority',
  reason: 'reason',
  status: 'status',
};

/* ─── Facts ─────────────────────────────────────────────────────────────── */

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Facts({ ticket, me, t }: { ticket: Ticket; me: string | undefined; t: DeskTranslate }) {
  const { lang } = useDeskMessages();
  const assignee = ticket.assignee;
  return (
    <dl class="facts desk-facts">
      <Fact label={t('fact.status')}>
        <span class={`status status--${ticket.status}`}>{statusWords(ticket.status, t)}</span>
      </Fact>
      <Fact label={t('fact.priority')}>{priorityWords(ticket.priority, t)}</Fact>
      <Fact label={t('fact.type')}>{t(`type.${ticket.type}` as MessageKey)}</Fact>
      <Fact label={t('fact.topic')}>{ticket.topic.path.join(' › ')}</Fact>
      <Fact label={t('fact.team')}>{ticket.team?.name ?? '—'}</Fact>
      <Fact label={t('fact.assignee')}>
        {!assignee ? t('unassigned') : assignee.id === me ? t('assignee.you', { name: assignee.name }) : assignee.name}
      </Fact>
      <Fact label={t('fact.requester')}>{ticket.requester.name}</Fact>
      <Fact label={t('fact.channel')}>{t(`channel.${ticket.channel}`)}</Fact>
      <Fact label={t('fact.created')}>
        <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, lang)}</time>
      </Fact>
    </dl>
  );
}

function Commitments({ ticket, t }: { ticket: Ticket; t: DeskTranslate }) {
  const { lang } = useDeskMessages();
  const now = useNow();
  const sla = ticket.sla;
  const at = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, lang)}</time>;
  return (
    <section aria-labelledby="sla-title">
      <h2 id="sla-title">{t('work.sla')}</h2>
      <dl class="facts desk-facts">
        <Fact label={t('sla.state')}>
          <SlaBadge ticket={ticket} now={now} />
        </Fact>
        {sla ? (
          <>
            <Fact label={t('sla.firstResponseDue')}>{at(sla.firstResponseDueAt)}</Fact>
            <Fact label={t('sla.firstRespondedAt')}>
              {!sla.firstRespondedAt
                ? t('sla.notYet')
                : sla.breached.firstResponse
                  ? t('sla.late', { date: formatDateTime(sla.firstRespondedAt, lang) })
                  : at(sla.firstRespondedAt)}
            </Fact>
            <Fact label={t('sla.resolutionDue')}>{at(sla.resolutionDueAt)}</Fact>
            {sla.pausedMinutes > 0 ? (
              <Fact label={t('sla.pausedTime')}>{durationText(sla.pausedMinutes, t)}</Fact>
            ) : null}
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** An answer of the topic's form in words: option labels, yes/no, lists. */
function answerText(value: unknown, field: FormField | undefined, t: DeskTranslate): string {
  const option = (v: unknown) => field?.options?.find((o) => o.value === v)?.label ?? String(v);
  if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
  if (Array.isArray(value)) return value.map(option).join(', ');
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return option(value);
}

function Request({ ticket, fields, t }: { ticket: Ticket; fields: FormField[] | undefined; t: DeskTranslate }) {
  const { lang } = useDeskMessages();
  const answers = Object.entries(ticket.fields);
  const { impact, callback } = ticket;
  const flags = impact
    ? (['blocksWork', 'affectsOthers', 'affectsCitizens'] as const).filter((flag) => impact[flag])
    : [];
  return (
    <>
      {answers.length > 0 ? (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">{t('work.answers')}</h2>
          <dl class="facts desk-facts">
            {answers.map(([name, value]) => {
              const field = fields?.find((candidate) => candidate.name === name);
              return (
                <Fact key={name} label={field?.label ?? name}>
                  {answerText(value, field, t)}
                </Fact>
              );
            })}
          </dl>
        </section>
      ) : null}
      {impact ? (
        <section aria-labelledby="impact-title">
          <h2 id="impact-title">{t('work.impact')}</h2>
          {flags.length > 0 ? (
            <ul class="desk-list">
              {flags.map((flag) => (
                <li key={flag}>{t(`impact.${flag}`)}</li>
              ))}
            </ul>
          ) : (
            <p>{t('impact.none')}</p>
          )}
          {impact.note ? (
            <p>
              <strong>{t('impact.note')}:</strong> {impact.note}
            </p>
          ) : null}
        </section>
      ) : null}
      {callback ? (
        <section aria-labelledby="callback-title">
          <h2 id="callback-title">{t('work.callback')}</h2>
          <dl class="facts desk-facts">
            <Fact label={t('callback.phone')}>
              <a href={`tel:${callback.phone.replace(/[^+0-9]/g, '')}`}>{callback.phone}</a>
            </Fact>
            <Fact label={t('callback.slot')}>
              {t(callback.slot === 'morning' ? 'new.slotMorning' : 'new.slotAfternoon')}
            </Fact>
            {callback.date ? <Fact label={t('callback.date')}>{formatDay(callback.date, lang)}</Fact> : null}
          </dl>
        </section>
      ) : null}
    </>
  );
}

/* ─── Thread and history ────────────────────────────────────────────────── */

function Thread({ ticket, t, download }: { ticket: Ticket; t: DeskTranslate; download: Download }) {
  const { lang } = useDeskMessages();
  const files = useFilesMessages().t;
  const { byMessage, alone } = filesByMessage(
    ticket.attachments ?? [],
    ticket.thread.map((message) => message.id),
  );
  return (
    <section aria-labelledby="thread-title">
      <h2 id="thread-title">{t('work.thread')}</h2>
      <p class="hint">{t('thread.order')}</p>
      {ticket.thread.length === 0 ? <p>{t('thread.empty')}</p> : null}
      <ol class="thread">
        {ticket.thread.map((message) => (
          <li key={message.id}>
            <article
              class={`message message--${message.author.kind}${message.internal ? ' desk-internal' : ''}${message.requestsInfo ? ' desk-asks' : ''}`}
            >
              {message.internal ? (
                <p class="desk-tag desk-tag--internal">
                  {t('thread.internal')} <span class="desk-tag-hint">({t('thread.internalHint')})</span>
                </p>
              ) : null}
              {message.requestsInfo ? <p class="desk-tag desk-tag--asks">{t('thread.requestsInfo')}</p> : null}
              <header>
                <strong>{message.author.name}</strong> · {t(`thread.kind.${message.author.kind}`)} ·{' '}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, lang)}</time>
              </header>
              <p class="message-body">{message.body}</p>
              <AttachmentList
                files={byMessage.get(message.id) ?? []}
                download={download}
                label={files('files.ofMessage')}
                tagInternal
              />
            </article>
          </li>
        ))}
      </ol>
      {alone.length > 0 ? (
        <>
          <h3>{files('files.alone')}</h3>
          <AttachmentList files={alone} download={download} label={files('files.alone')} showUploader tagInternal />
        </>
      ) : null}
    </section>
  );
}

function History({ ticket, teams, t }: { ticket: Ticket; teams: Team[] | undefined; t: DeskTranslate }) {
  const { lang } = useDeskMessages();
  const words = {
    t,
    team: (id: string) => (id === ticket.team?.id ? ticket.team.name : teamName(id, teams)),
    date: (iso: string) => formatDateTime(iso, lang),
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('work.history')}</h2>
      <p class="hint">{t('history.order')}</p>
      <ol class="desk-history">
        {ticket.history.toReversed().map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
            <span>{historyText(entry, words)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/* ─── Actions ───────────────────────────────────────────────────────────── */

interface Act {
  run: () => Promise<unknown>;
  /** Said once it went through; a function when what to say depends on how it went. */
  done: string | (() => string);
  /** Which confirmation line says it, and the heading that takes the focus if its control is gone. */
  where: 'actions' | 'reply';
  /** The If-Match sent, to tell a lost update from a refused move on a 409. */
  version?: number;
  /** The control a problem without a path belongs to. */
  field?: string;
}

function Work({ ticketId }: { ticketId: string }) {
  const { t, lang } = useDeskMessages();
  const profile = useProfile();
  const teams = useTeams();
  const me = profile?.userId;
  const [ticket, setTicket] = useState<Ticket>();
  const [loadError, setLoadError] = useState<string>();
  const [fields, setFields] = useState<FormField[]>();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [said, setSaid] = useState<{ where: Act['where']; text: string }>();
  const [problems, setProblems] = useState<{ fields: FieldErrors; unplaced: string[] }>({ fields: {}, unplaced: [] });
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const headings = { actions: useRef<HTMLHeadingElement>(null), reply: useRef<HTMLHeadingElement>(null) };

  const path = { ticketId };
  const load = async () => {
    const fresh = await call(api().GET('/tickets/{ticketId}', { params: { path } }));
    setTicket(fresh);
    return fresh;
  };
  const download: Download = (attachmentId) =>
    call(
      api().GET('/tickets/{ticketId}/attachments/{attachmentId}', {
        params: { path: { ticketId, attachmentId } },
        headers: { Accept: 'application/json' },
      }),
    );
  const files = useFilesMessages().t;
  // Files of a ticket just recorded here that did not go with it.
  const [unsent] = useState(() => takeUnsent(ticketId) ?? []);
  useScanPolling(ticket?.attachments, () => void load().catch(() => undefined));

  // Labels (status, topic, team) come in the reader's language: read again when it changes.
  useEffect(() => {
    load().catch((failure: unknown) =>
      setLoadError(
        failure instanceof ApiError && failure.status === 404 ? t('ticket.notFound') : failureText(failure, t),
      ),
    );
  }, [ticketId, lang]);

  useEffect(() => {
    call(api().GET('/agents'))
      .then((result) => setAgents(result.items))
      .catch(() => setAgents([]));
  }, []);

  // The topic's form names the answers; an internal or removed topic leaves the keys.
  const topicId = ticket?.topic.id;
  useEffect(() => {
    if (!topicId || !ticket || Object.keys(ticket.fields).length === 0) return;
    call(api().GET('/topics/{topicId}', { params: { path: { topicId } } }))
      .then((topic) => setFields(topic.form.fields))
      .catch(() => setFields(undefined));
  }, [topicId, lang]);

  const showProblems = (fieldErrors: FieldErrors, unplaced: string[] = []) => {
    setProblems({ fields: fieldErrors, unplaced });
    setAttempt((n) => n + 1);
  };

  /** Runs an action; true when it went through. */
  const act = async ({ run, done, where, version, field }: Act): Promise<boolean> => {
    setBusy(true);
    setSaid(undefined);
    setProblems({ fields: {}, unplaced: [] });
    const place = (message: string) => (field ? showProblems({ [field]: message }) : showProblems({}, [message]));
    try {
      await run();
      await load().catch(() => undefined);
      setSaid({ where, text: typeof done === 'function' ? done() : done });
      // A control that went away with the change (Take, once taken) leaves the focus on its section.
      requestAnimationFrame(() => {
        if (!document.activeElement || document.activeElement === document.body) headings[where].current?.focus();
      });
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        const fresh = await load().catch(() => undefined);
        // Another version now: someone else changed it. Same version: the API refused the move itself.
        if (version !== undefined && fresh && fresh.version !== version) showProblems({}, [t('conflict')]);
        else place(failureText(failure, t));
      } else if (failure instanceof ApiError && failure.errors.length > 0) {
        const renamed = failure.errors.map((e) => ({ ...e, path: API_PATHS[e.path.split('.')[0] ?? ''] ?? e.path }));
        const mapped = mapProblem(renamed, PATHS);
        showProblems(mapped.fields, mapped.unplaced);
      } else place(failureText(failure, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (loadError && !ticket) {
    return (
      <Page title={t('ticket.notFound')}>
        <p class="notice notice--error">{loadError}</p>
        <p>
          <Link href="/desk">{t('work.back')}</Link>
        </p>
      </Page>
    );
  }
  if (!ticket) return <Loading />;

  const patch = (body: Parameters<typeof sendPatch>[1]) => sendPatch(ticket, body);
  const items = summaryItems(problems.fields, PATHS, problems.unplaced);
  const closed = ticket.status === 'closed';
  const refresh = () => void load().catch(() => undefined);
  const props = { ticket, t, act, busy, errors: problems.fields, invalid: showProblems, patch, refresh };

  return (
    <Page title={t('ticket.title', { number: ticket.number })} lead={<p class="lead">{ticket.subject}</p>}>
      <p class="desk-back">
        <Link href="/desk">{t('work.back')}</Link>
      </p>
      <ErrorSummary items={items} attempt={attempt} />
      <UnsentNotice files={unsent} next={files('files.unsentAgain')} />
      <div class="two-columns desk-work">
        <div>
          <section aria-labelledby="details-title">
            <h2 id="details-title">{t('work.details')}</h2>
            <Facts ticket={ticket} me={me} t={t} />
          </section>
          <Request ticket={ticket} fields={fields} t={t} />
          <Thread ticket={ticket} t={t} download={download} />
          <section aria-labelledby="reply-title">
            <h2 id="reply-title" ref={headings.reply} tabIndex={-1}>
              {t('reply.title')}
            </h2>
            {closed ? <p>{t('status.none')}</p> : <ReplyForm {...props} />}
            <p role="status" class="confirmation">
              {said?.where === 'reply' ? said.text : ''}
            </p>
          </section>
        </div>
        <div>
          <Commitments ticket={ticket} t={t} />
          <section aria-labelledby="actions-title" class="desk-actions">
            <h2 id="actions-title" ref={headings.actions} tabIndex={-1}>
              {t('work.actions')}
            </h2>
            <p role="status" class="confirmation">
              {said?.where === 'actions' ? said.text : ''}
            </p>
            {closed ? (
              <p>{t('status.none')}</p>
            ) : (
              <>
                {ticket.assignee?.id !== me && me ? <Take {...props} me={me} /> : null}
                <AssignForm {...props} agents={agents} me={me} />
                <ForwardForm {...props} teams={teams ?? []} />
                <PriorityForm {...props} />
                <StatusForm {...props} />
              </>
            )}
          </section>
          <History ticket={ticket} teams={teams} t={t} />
        </div>
      </div>
    </Page>
  );
}

type UpdateBody = Schemas['UpdateTicket'];

const sendPatch = (ticket: Ticket, body: UpdateBody) =>
  call(
    api().PATCH('/tickets/{ticketId}', {
      params: { path: { ticketId: ticket.id }, header: { 'If-Match': `"${ticket.version}"` } },
      body,
    }),
  );

interface FormProps {
  ticket: Ticket;
  t: DeskTranslate;
  act: (action: Act) => Promise<boolean>;
  busy: boolean;
  errors: FieldErrors;
  invalid: (errors: FieldErrors) => void;
  patch: (body: UpdateBody) => Promise<unknown>;
  /** Reads the ticket again (a message shows in the thread while its files are still going). */
  refresh: () => void;
}

function Take({ ticket, t, act, busy, patch, me }: FormProps & { me: string }) {
  return (
    <div class="desk-take">
      <p class="hint">{t('take.hint')}</p>
      <button
        type="button"
        class="button"
        disabled={busy}
        onClick={() =>
          void act({
            run: () => patch({ assigneeId: me }),
            done: t('take.done'),
            where: 'actions',
            version: ticket.version,
          })
        }
      >
        {t('take.submit')}
      </button>
    </div>
  );
}

/** A select with the field's label, hint and error, grouped (fields.tsx's SelectField has no groups). */
function GroupedSelect({
  path,
  label,
  value,
  onChange,
  groups,
  error,
  t,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  groups: { label: string; options: { value: string; label: string }[] }[];
  error?: string;
  t: DeskTranslate;
}) {
  const id = fieldId(path);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={id}>{label}</label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={path}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="" selected={value === ''}>
          {t('form.choose')}
        </option>
        {groups
          .filter((group) => group.options.length > 0)
          .map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value} selected={option.value === value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}

function AssignForm({
  ticket,
  t,
  act,
  busy,
  errors,
  invalid,
  patch,
  agents,
  me,
}: FormProps & { agents: Agent[]; me: string | undefined }) {
  const [chosen, setChosen] = useState('');
  const others = agents.filter((agent) => agent.userId !== ticket.assignee?.id && agent.userId !== me);
  if (others.length === 0) return null;
  const teamId = ticket.team?.id;
  const option = (agent: Agent) => ({ value: agent.userId, label: agent.name });
  const groups = [
    {
      label: t('assign.teamGroup', { team: ticket.team?.name ?? '' }),
      options: others.filter((agent) => teamId && agent.teamIds.includes(teamId)).map(option),
    },
    {
      label: t('assign.others'),
      options: others.filter((agent) => !teamId || !agent.teamIds.includes(teamId)).map(option),
    },
  ];
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return invalid({ assignee: t('v.choose', { label: t('assign.label') }) });
    const name = agents.find((agent) => agent.userId === chosen)?.name ?? '';
    const ok = await act({
      run: () => patch({ assigneeId: chosen }),
      done: t('assign.done', { name }),
      where: 'actions',
      version: ticket.version,
      field: 'assignee',
    });
    if (ok) setChosen('');
  };
  return (
    <form class="desk-action" onSubmit={submit} noValidate>
      <GroupedSelect
        path="assignee"
        label={t('assign.label')}
        value={chosen}
        onChange={setChosen}
        groups={groups}
        error={errors.assignee}
        t={t}
      />
      <button type="submit" class="button button--secondary" disabled={busy}>
        {t('assign.submit')}
      </button>
    </form>
  );
}

function ForwardForm({ ticket, t, act, busy, errors, invalid, patch, teams }: FormProps & { teams: Team[] }) {
  const [chosen, setChosen] = useState('');
  const options = teams
    .filter((team) => team.id !== ticket.team?.id)
    .map((team) => ({ value: team.id, label: team.name }));
  if (options.length === 0) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return invalid({ team: t('v.choose', { label: t('forward.label') }) });
    const ok = await act({
      run: () => patch({ teamId: chosen }),
      done: t('forward.done', { team: teamName(chosen, teams) }),
      where: 'actions',
      version: ticket.version,
      field: 'team',
    });
    if (ok) setChosen('');
  };
  return (
    <form class="desk-action" onSubmit={submit} noValidate>
      <SelectField
        path="team"
        label={t('forward.label')}
        value={chosen}
        onChange={setChosen}
        options={options}
        error={errors.team}
      />
      <button type="submit" class="button button--secondary" disabled={busy}>
        {t('forward.submit')}
      </button>
    </form>
  );
}

function PriorityForm({ ticket, t, act, busy, errors, invalid, patch }: FormProps) {
  const [priority, setPriority] = useState<string>(ticket.priority);
  const [reason, setReason] = useState('');
  useEffect(() => setPriority(ticket.priority), [ticket.priority]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (priority === ticket.priority) problems.priority = t('priority.same');
    const reasonProblem = checkLength(t('priority.reason'), reason, 3, 500, t);
    if (reasonProblem) problems.reason = reasonProblem;
    if (Object.keys(problems).length > 0) return invalid(problems);
    const chosen = priority as Priority;
    const ok = await act({
      run: () => patch({ priority: chosen, reason: reason.trim() }),
      done: t('priority.done', { priority: priorityWords(chosen, t) }),
      where: 'actions',
      version: ticket.version,
      field: 'priority',
    });
    if (ok) setReason('');
  };
  return (
    <form class="desk-action" onSubmit={submit} noValidate>
      <SelectField
        path="priority"
        label={t('priority.label')}
        value={priority}
        onChange={setPriority}
        options={PRIORITIES.map((value) => ({ value, label: priorityWords(value, t) }))}
        error={errors.priority}
      />
      <TextField
        path="reason"
        label={t('priority.reason')}
        hint={t('priority.reasonHint')}
        value={reason}
        onInput={setReason}
        error={errors.reason}
      />
      <button type="submit" class="button button--secondary" disabled={busy}>
        {t('priority.submit')}
      </button>
    </form>
  );
}

function StatusForm({ ticket, t, act, busy, errors, invalid, patch }: FormProps) {
  const [chosen, setChosen] = useState('');
  const next = NEXT_STATUSES[ticket.status];
  useEffect(() => setChosen(''), [ticket.status]);
  if (next.length === 0) return <p>{t('status.none')}</p>;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return invalid({ status: t('v.choose', { label: t('status.label') }) });
    const status = chosen as TicketStatus;
    await act({
      run: () => patch({ status }),
      done: t('status.done', { status: statusWords(status, t) }),
      where: 'actions',
      version: ticket.version,
      field: 'status',
    });
  };
  return (
    <form class="desk-action" onSubmit={submit} noValidate>
      <SelectField
        path="status"
        label={t('status.label')}
        value={chosen}
        onChange={setChosen}
        options={next.map((value) => ({ value, label: statusWords(value, t) }))}
        error={errors.status}
      />
      <button type="submit" class="button button--secondary" disabled={busy}>
        {t('status.submit')}
      </button>
    </form>
  );
}

function ReplyForm({ ticket, t, act, busy, errors, invalid, refresh }: FormProps) {
  const filesText = useFilesMessages().t;
  const [kind, setKind] = useState<Kind>('reply');
  const [body, setBody] = useState('');
  const files = useFileQueue(ticket.attachments?.length ?? 0);
  // One key per message written: a retry after a lost answer posts nothing twice.
  const key = useRef<string | undefined>(undefined);
  const change = (update: () => void) => {
    key.current = undefined;
    update();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const text = body.trim();
    // Files may go on their own (a reply or an internal note without words); asking needs a question.
    const filesAlone = !text && files.pending > 0 && kind !== 'requestInfo';
    const problems: FieldErrors = {};
    const bodyProblem = filesAlone ? undefined : checkLength(t('reply.body'), body, 1, 10_000, t);
    if (bodyProblem) problems['message-body'] = bodyProblem;
    const filesProblem = files.problem();
    if (filesProblem) problems['message-files'] = filesProblem;
    if (Object.keys(problems).length > 0) return invalid(problems);
    key.current ??= idempotencyKey();
    const header = { 'Idempotency-Key': key.current };
    const message = {
      body: text,
      ...(kind === 'internal' ? { internal: true } : {}),
      ...(kind === 'requestInfo' ? { requestInfo: true } : {}),
    };
    let failed = 0;
    const ok = await act({
      // The message first, then its files: each file names the message it came with.
      run: async () => {
        if (text) {
          await call(
            api().POST('/tickets/{ticketId}/messages', {
              params: { path: { ticketId: ticket.id }, header },
              body: message,
            }),
          );
          key.current = undefined;
          setBody('');
        }
        if (files.pending > 0) {
          if (text) refresh();
          const result = await files.send(
            (attachment) =>
              call(
                api().POST('/tickets/{ticketId}/attachments', {
                  params: { path: { ticketId: ticket.id } },
                  body: attachment,
                }),
              ),
            kind === 'internal',
          );
          failed = result.failed.length;
          files.clearSent();
        }
      },
      done: () =>
        [
          text ? t(`reply.sent.${kind}`) : failed === 0 ? filesText('files.sentOnly') : '',
          failed > 0 ? filesText('files.someFailed') : '',
        ]
          .filter(Boolean)
          .join(' '),
      where: 'reply',
      field: 'message-body',
    });
    if (ok && failed === 0) {
      // Back to the everyday kind, so a second message does not ask or hide by accident.
      setKind('reply');
    }
  };
  const kinds: Kind[] = ['reply', 'internal', 'requestInfo'];
  return (
    <form onSubmit={submit} noValidate class="desk-reply">
      <RadioGroup
        path="message-kind"
        label={t('reply.kind')}
        hint={t('reply.kind.requestInfoHint')}
        value={kind}
        onChange={(value) => change(() => setKind(value as Kind))}
        options={kinds.map((value) => ({ value, label: t(`reply.kind.${value}`) }))}
        error={errors['message-kind']}
      />
      <TextField
        path="message-body"
        label={t('reply.body')}
        multiline
        value={body}
        onInput={(value) => change(() => setBody(value))}
        error={errors['message-body']}
      />
      <FilePicker queue={files} path="message-files" error={errors['message-files']} />
      <button type="submit" class="button" disabled={busy}>
        {files.sending ? filesText('files.sendingFiles') : busy ? t('form.sending') : t('reply.submit')}
      </button>
    </form>
  );
}

export default function WorkView({ params }: { params: Params }) {
  return (
    <RequireSignIn groups={STAFF_GROUPS}>
      <Work ticketId={params.id ?? ''} />
    </RequireSignIn>
  );
}
