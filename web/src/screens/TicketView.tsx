/**
 * One ticket as its requester sees it — signed in (TicketScreen) or as a guest with the mailed
 * link (GuestTicket): the facts, the thread oldest first, the reply at the end, reopening while
 * resolved and the rating once resolved.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TicketWithThread } from '../api/client';
import { ApiError } from '../api/problem';
import {
  AttachmentList,
  type Declare,
  type Download,
  FilePicker,
  filesByMessage,
  UnsentNotice,
  useFileQueue,
  useFilesMessages,
  useScanPolling,
} from '../components/Attachments';
import { RadioGroup, TextField } from '../components/fields';
import { Loading, Page } from '../components/Page';
import { type MessageKey, type Translate, useI18n } from '../i18n';
import { formatDateTime } from '../i18n/dates';
import { takeUnsent } from '../lib/attachments';

export interface TicketAccess {
  ticketId: string;
  load(): Promise<TicketWithThread>;
  reply(body: string): Promise<unknown>;
  /** Declares a file to attach (then uploaded to where the answer says). */
  attach: Declare;
  /** A clean file's short-lived link. */
  download: Download;
  /** Only signed-in requesters reopen (guests file anew). */
  reopen?: (reason: string) => Promise<unknown>;
  rate(score: number, comment: string | undefined): Promise<unknown>;
}

/** The words for a failed action: the API's own detail (a 409 says why), else a general line. */
export function failureText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('error.network');
    if (error.status === 401) return t('error.session');
    return error.errors[0]?.message ?? error.detail ?? (error.title || t('error.generic'));
  }
  return t('error.generic');
}

function Facts({ ticket }: { ticket: TicketWithThread }) {
  const { t, lang } = useI18n();
  return (
    <dl class="facts">
      <div>
        <dt>{t('ticket.status')}</dt>
        <dd>
          <span class={`status status--${ticket.status}`}>{ticket.statusLabel}</span>
        </dd>
      </div>
      <div>
        <dt>{t('ticket.topic')}</dt>
        <dd>{ticket.topic.name}</dd>
      </div>
      <div>
        <dt>{t('ticket.type')}</dt>
        <dd>{t(`type.${ticket.type}` as MessageKey)}</dd>
      </div>
      <div>
        <dt>{t('ticket.created')}</dt>
        <dd>
          <time dateTime={ticket.createdAt}>{formatDateTime(ticket.createdAt, lang)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('ticket.updated')}</dt>
        <dd>
          <time dateTime={ticket.updatedAt}>{formatDateTime(ticket.updatedAt, lang)}</time>
        </dd>
      </div>
    </dl>
  );
}

/** The thread as the API gives it: oldest first, the request's description its first message. */
function Thread({ ticket, download }: { ticket: TicketWithThread; download: Download }) {
  const { t, lang } = useI18n();
  const files = useFilesMessages().t;
  const messages = ticket.thread.filter((message) => !message.internal);
  const { byMessage, alone } = filesByMessage(
    ticket.attachments ?? [],
    messages.map((message) => message.id),
  );
  return (
    <section aria-labelledby="thread-title">
      <h2 id="thread-title">{t('ticket.thread')}</h2>
      {messages.length === 0 ? <p class="hint">{t('ticket.noMessages')}</p> : null}
      <ol class="thread">
        {messages.map((message) => (
          <li key={message.id}>
            <article class={`message message--${message.author.kind}`}>
              <header>
                <strong>{message.author.name}</strong>{' '}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, lang)}</time>
              </header>
              <p class="message-body">{message.body}</p>
              <AttachmentList
                files={byMessage.get(message.id) ?? []}
                download={download}
                label={files('files.ofMessage')}
              />
            </article>
          </li>
        ))}
      </ol>
      {alone.length > 0 ? (
        <>
          <h3>{files('files.alone')}</h3>
          <AttachmentList files={alone} download={download} label={files('files.alone')} showUploader />
        </>
      ) : null}
    </section>
  );
}

/** A one-field form with its own error at the field and a polite confirmation. */
function useAction(run: () => Promise<unknown>, after: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const go = async () => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await run();
      setDone(true);
      after();
    } catch (failure) {
      setError(failureText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, done, go };
}

/**
 * The reply and its files: the message goes first, then each file (files alone may go without a
 * message). A file that did not go stays listed with why, to be tried again.
 */
function ReplyForm({ access, reload, existing }: { access: TicketAccess; reload: () => void; existing: number }) {
  const { t } = useI18n();
  const filesText = useFilesMessages().t;
  const files = useFileQueue(existing);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [filesError, setFilesError] = useState<string>();
  const [said, setSaid] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaid('');
    const text = body.trim();
    const problem = files.problem();
    setFilesError(problem);
    setError(!text && files.pending === 0 ? t('v.required', { label: t('ticket.reply') }) : undefined);
    if (problem || (!text && files.pending === 0)) return;
    setBusy(true);
    try {
      if (text) await access.reply(text);
    } catch (failure) {
      setError(failureText(failure, t));
      setBusy(false);
      return;
    }
    if (text) {
      setBody('');
      // The message shows in the thread at once; its files follow it.
      reload();
    }
    const { failed } = files.pending > 0 ? await files.send(access.attach) : { failed: [] };
    files.clearSent();
    setBusy(false);
    const lines = [text ? t('ticket.replySent') : failed.length === 0 ? filesText('files.sentOnly') : ''];
    if (failed.length > 0) lines.push(filesText('files.someFailed'));
    setSaid(lines.filter(Boolean).join(' '));
    reload();
  };
  return (
    <form class="panel" onSubmit={submit} noValidate>
      <TextField path="reply" label={t('ticket.reply')} multiline value={body} onInput={setBody} error={error} />
      <FilePicker queue={files} path="reply-files" error={filesError} />
      <button type="submit" class="button" disabled={busy}>
        {files.sending ? filesText('files.sendingFiles') : busy ? t('form.sending') : t('ticket.replySubmit')}
      </button>
      <p role="status" class="confirmation">
        {said}
      </p>
    </form>
  );
}

function ReopenForm({ reopen, reload }: { reopen: (reason: string) => Promise<unknown>; reload: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const action = useAction(() => reopen(reason.trim()), reload);
  const submit = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return action.setError(t('v.required', { label: t('ticket.reopenReason') }));
    void action.go();
  };
  return (
    <form class="panel" onSubmit={submit} noValidate aria-labelledby="reopen-title">
      <h2 id="reopen-title">{t('ticket.reopen')}</h2>
      <TextField
        path="reason"
        label={t('ticket.reopenReason')}
        multiline
        value={reason}
        onInput={setReason}
        error={action.error}
      />
      <button type="submit" class="button button--secondary" disabled={action.busy}>
        {t('ticket.reopenSubmit')}
      </button>
      <p role="status" class="confirmation">
        {action.done ? t('ticket.reopened') : ''}
      </p>
    </form>
  );
}

/** The 1–5 choice and an optional comment; shared with the rating link page. */
export function RatingForm({
  rate,
  after,
  title,
}: {
  rate: (score: number, comment: string | undefined) => Promise<unknown>;
  after: (score: number) => void;
  /** A heading of its own on the ticket page; the rating link page's h1 already says it. */
  title?: string;
}) {
  const { t } = useI18n();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [scoreError, setScoreError] = useState<string>();
  const action = useAction(
    () => rate(Number(score), comment.trim() || undefined),
    () => after(Number(score)),
  );
  const submit = (event: Event) => {
    event.preventDefault();
    if (!score) {
      setScoreError(t('v.choose', { label: t('ticket.score') }));
      return;
    }
    setScoreError(undefined);
    void action.go();
  };
  const options = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`score.${n}` as MessageKey) }));
  return (
    <form class="panel" onSubmit={submit} noValidate aria-labelledby={title ? 'rate-title' : undefined}>
      {title ? <h2 id="rate-title">{title}</h2> : null}
      {action.error ? (
        <p class="notice notice--error" role="alert">
          {action.error}
        </p>
      ) : null}
      <RadioGroup
        path="score"
        label={t('ticket.score')}
        options={options}
        value={score}
        onChange={setScore}
        error={scoreError}
      />
      <TextField path="comment" label={t('ticket.comment')} optional multiline value={comment} onInput={setComment} />
      <button type="submit" class="button" disabled={action.busy}>
        {action.busy ? t('form.sending') : t('ticket.rateSubmit')}
      </button>
    </form>
  );
}

export function TicketView({ access, notice }: { access: TicketAccess; notice?: string }) {
  const { t, lang } = useI18n();
  const [ticket, setTicket] = useState<TicketWithThread>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const [thanked, setThanked] = useState(false);
  const [unsent] = useState(() => takeUnsent(access.ticketId) ?? []);
  const files = useFilesMessages().t;
  const reload = () => setVersion((v) => v + 1);
  useScanPolling(ticket?.attachments, reload);

  // Status labels come in the reader's language: read again when it changes.
  useEffect(() => {
    let current = true;
    access
      .load()
      .then((loaded) => current && setTicket(loaded))
      .catch(
        (failure: unknown) =>
          current &&
          setError(
            failure instanceof ApiError && failure.status === 404 ? t('ticket.notFound') : failureText(failure, t),
          ),
      );
    return () => {
      current = false;
    };
  }, [version, lang]);

  if (error && !ticket) {
    return (
      <Page title={t('ticket.notFound')}>
        <p class="notice notice--error">{error}</p>
      </Page>
    );
  }
  if (!ticket) return <Loading />;
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  return (
    <Page title={t('ticket.title', { number: ticket.number })} lead={<p class="lead">{ticket.subject}</p>}>
      {notice ? <p class="hint">{notice}</p> : null}
      <UnsentNotice files={unsent} next={files('files.unsentAgain')} />
      <Facts ticket={ticket} />
      <Thread ticket={ticket} download={access.download} />
      {ticket.status !== 'closed' ? (
        <ReplyForm access={access} reload={reload} existing={ticket.attachments?.length ?? 0} />
      ) : null}
      {ticket.status === 'resolved' && access.reopen ? <ReopenForm reopen={access.reopen} reload={reload} /> : null}
      {ticket.satisfaction ? (
        <p class="panel panel--success" role={thanked ? 'status' : undefined}>
          {thanked ? `${t('ticket.thanks')} ` : ''}
          {t('ticket.rated', { score: ticket.satisfaction.score })}
        </p>
      ) : finished ? (
        <RatingForm
          title={t('ticket.rate')}
          rate={access.rate}
          after={() => {
            setThanked(true);
            reload();
          }}
        />
      ) : null}
    </Page>
  );
}
