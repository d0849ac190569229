/**
 * Files on a ticket: the picker of the forms (a real `<input type=file multiple>` with its label,
 * and a drop zone around it), the queue that sends the chosen files once the form has gone
 * (declare each to the API, then upload it to the storage with its progress), and the files as
 * the thread shows them (download buttons once scanned clean, the other states in words).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Schemas } from '../api/client';
import { ApiError, fieldId } from '../api/problem';
import { type AreaTranslate, useMessages } from '../i18n/bundle';
import type { Language } from '../i18n/languages';
import {
  type AttachmentType,
  awaitingScan,
  contentTypeOf,
  DEFAULT_ATTACHMENT_MAX_BYTES,
  EXTENSIONS_SHOWN,
  type FileProblem,
  fileProblem,
  MAX_ATTACHMENTS_PER_TICKET,
  postToStorage,
  rememberSent,
  SCAN_POLL_MS,
  StorageError,
  sentInThisSession,
  sizeWords,
  TYPES_BY_EXTENSION,
  type UploadTarget,
} from '../lib/attachments';
import { type FilesKey, messages } from './attachments-messages';
import './attachments.css';

export type Attachment = Schemas['Attachment'];
export type NewAttachment = Schemas['NewAttachment'];
export type FilesTranslate = AreaTranslate<FilesKey>;

export const useFilesMessages = () => useMessages(messages);

/** Declares a file to the API (signed in, as a guest, with the upload token after filing). */
export type Declare = (body: NewAttachment) => Promise<{ attachmentId: string; upload: UploadTarget }>;
/** Asks the API for a clean file's short-lived link. */
export type Download = (attachmentId: string) => Promise<{ url: string }>;

export function fileSize(bytes: number, lang: Language, t: FilesTranslate): string {
  return sizeWords(bytes, lang, { bytes: t('files.bytes'), kb: t('files.kb'), mb: t('files.mb') });
}

/* ─── The queue ─────────────────────────────────────────────────────────── */

export interface QueuedFile {
  key: string;
  file: File;
  contentType: AttachmentType | undefined;
  /** Why it cannot go, found before asking. */
  problem: FileProblem | undefined;
  phase: 'ready' | 'sending' | 'sent' | 'failed';
  /** 0–1 while sending. */
  progress: number;
  /** Why it did not go (the API's words, or ours for the storage). */
  error?: string;
  attachmentId?: string;
}

export interface FileQueue {
  items: readonly QueuedFile[];
  add(files: Iterable<File>): void;
  remove(key: string): void;
  /** The files to send are still to be sent (or failed and may be tried again). */
  pending: number;
  sending: boolean;
  /** Files already on the ticket, which count towards its limit. */
  existing: number;
  /** What blocks the form, in words (one line per problem file, and the count), or undefined. */
  problem(): string | undefined;
  /** Sends the ready (and failed) files one after another; sent ones are kept to show their state. */
  send(declare: Declare, internal?: boolean): Promise<{ sent: QueuedFile[]; failed: QueuedFile[] }>;
  /** Forgets the files sent (they show in the thread now); keeps the failed ones to try again. */
  clearSent(): void;
  /** The latest change said aloud (polite). */
  announcement: string;
}

let nextKey = 0;

export function useFileQueue(existing = 0, maxBytes = DEFAULT_ATTACHMENT_MAX_BYTES): FileQueue {
  const { t, lang } = useFilesMessages();
  const [items, setItems] = useState<QueuedFile[]>([]);
  const [sending, setSending] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // The sending loop reads the list as it is, not as it was when it started.
  const current = useRef(items);
  current.current = items;

  const update = (key: string, patch: Partial<QueuedFile>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const problemText = (item: QueuedFile) => {
    const name = item.file.name;
    if (item.problem === 'size')
      return t('files.problem.size', {
        name,
        size: fileSize(item.file.size, lang, t),
        max: fileSize(maxBytes, lang, t),
      });
    if (item.problem === 'empty') return t('files.problem.empty', { name });
    return t('files.problem.type', { name });
  };

  const reason = (failure: unknown) => {
    if (failure instanceof StorageError)
      return t(failure.status === 0 ? 'files.failed.network' : 'files.failed.storage');
    if (failure instanceof ApiError) {
      if (failure.status === 0) return t('error.network');
      if (failure.status === 401) return t('error.session');
      return failure.errors[0]?.message ?? failure.detail ?? (failure.title || t('error.generic'));
    }
    return t('error.generic');
  };

  const toSend = (item: QueuedFile) => !item.problem && (item.phase === 'ready' || item.phase === 'failed');

  return {
    items,
    existing,
    sending,
    announcement,
    pending: items.filter(toSend).length,
    add(files) {
      const added = [...files].map((file): QueuedFile => {
        nextKey += 1;
        return {
          key: `file-${nextKey}`,
          file,
          contentType: contentTypeOf(file),
          problem: fileProblem(file, maxBytes),
          phase: 'ready',
          progress: 0,
        };
      });
      setItems((list) => [...list, ...added]);
      const refused = added.filter((item) => item.problem);
      setAnnouncement(refused.map(problemText).join(' '));
    },
    remove(key) {
      setItems((list) => list.filter((item) => item.key !== key));
    },
    problem() {
      const lines = items.filter((item) => item.problem).map(problemText);
      const over = existing + items.filter((item) => !item.problem && item.phase !== 'sent').length;
      if (over > MAX_ATTACHMENTS_PER_TICKET)
        lines.push(t('files.problem.count', { max: MAX_ATTACHMENTS_PER_TICKET, n: over - MAX_ATTACHMENTS_PER_TICKET }));
      return lines.length > 0 ? lines.join(' ') : undefined;
    },
    async send(declare, internal) {
      setSending(true);
      const sent: QueuedFile[] = [];
      const failed: QueuedFile[] = [];
      try {
        for (const item of current.current.filter(toSend)) {
          const { file, key } = item;
          const contentType = item.contentType as AttachmentType;
          update(key, { phase: 'sending', progress: 0, error: undefined });
          setAnnouncement(t('files.progress', { name: file.name }));
          try {
            const declared = await declare({
              fileName: file.name,
              contentType,
              size: file.size,
              ...(internal ? { internal: true } : {}),
            });
            await postToStorage(declared.upload, file, contentType, (progress) => update(key, { progress }));
            rememberSent(declared.attachmentId);
            const done = { ...item, phase: 'sent' as const, progress: 1, attachmentId: declared.attachmentId };
            update(key, done);
            sent.push(done);
            setAnnouncement(`${file.name}: ${t('files.sent')}`);
          } catch (failure) {
            const error = reason(failure);
            const undone = { ...item, phase: 'failed' as const, progress: 0, error };
            update(key, undone);
            failed.push(undone);
            setAnnouncement(`${file.name}: ${t('files.failed', { reason: error })}`);
          }
        }
      } finally {
        setSending(false);
      }
      return { sent, failed };
    },
    clearSent() {
      setItems((list) => list.filter((item) => item.phase !== 'sent'));
    },
  };
}

/* ─── The picker ────────────────────────────────────────────────────────── */

const ACCEPT = [
  ...Object.keys(TYPES_BY_EXTENSION).map((extension) => `.${extension}`),
  ...new Set(Object.values(TYPES_BY_EXTENSION)),
].join(',');

/**
 * The files field: label, hint (types and limits), the error at the field, the input inside a
 * drop zone, and the chosen files with their size, a remove button each, and their progress and
 * state once sending. `path` names it for the error summary (its link focuses the input).
 */
export function FilePicker({
  queue,
  path,
  error,
  label,
}: {
  queue: FileQueue;
  path: string;
  error?: string;
  /** Another label than "Attachments" (the desk's "Files of the message"). */
  label?: string;
}) {
  const { t, lang } = useFilesMessages();
  const [over, setOver] = useState(false);
  const id = fieldId(path);
  // A file dropped just beside the zone would otherwise open in the tab, and the form be lost.
  useEffect(() => {
    const keep = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const choose = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.files) queue.add(input.files);
    // Emptied, so the same file can be chosen again after it is removed.
    input.value = '';
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (queue.sending) return;
    if (event.dataTransfer?.files.length) queue.add(event.dataTransfer.files);
  };
  const dragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  return (
    <div class={error ? 'field field--error files-field' : 'field files-field'}>
      <label for={id}>
        {label ?? t('files.label')} <span class="optional">{t('form.optional')}</span>
      </label>
      <div class="hint" id={`${id}-hint`}>
        {t('files.hint', {
          types: EXTENSIONS_SHOWN,
          max: fileSize(DEFAULT_ATTACHMENT_MAX_BYTES, lang, t),
          count: MAX_ATTACHMENTS_PER_TICKET,
        })}
      </div>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {/* Dropping is a shortcut for the input inside, which keyboards and screen readers use. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone only adds drag and drop to the real input */}
      <div
        class={over ? 'dropzone dropzone--over' : 'dropzone'}
        onDragOver={dragOver}
        onDragEnter={dragOver}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <input
          type="file"
          id={id}
          name={path}
          multiple
          accept={ACCEPT}
          disabled={queue.sending}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={choose}
        />
        <p class="dropzone-text">{t('files.drop')}</p>
      </div>
      {queue.items.length > 0 ? (
        <ul class="files" aria-label={t('files.chosen')}>
          {queue.items.map((item) => (
            <QueuedRow key={item.key} item={item} queue={queue} />
          ))}
        </ul>
      ) : null}
      <p class="visually-hidden" aria-live="polite">
        {queue.announcement}
      </p>
    </div>
  );
}

function QueuedRow({ item, queue }: { item: QueuedFile; queue: FileQueue }) {
  const { t, lang } = useFilesMessages();
  const { file } = item;
  const removable = !queue.sending && (item.phase === 'ready' || item.phase === 'failed');
  let state: ComponentChildren;
  if (item.problem) state = <span class="file-state file-state--error">{t('files.cannot')}</span>;
  else if (item.phase === 'sending') {
    const percent = Math.round(item.progress * 100);
    state = (
      <>
        <progress value={item.progress} max={1} aria-label={t('files.progress', { name: file.name })}>
          {percent} %
        </progress>
        <span class="file-state">{t('files.sending', { percent })}</span>
      </>
    );
  } else if (item.phase === 'sent') state = <span class="file-state file-state--ok">{t('files.sent')}</span>;
  else if (item.phase === 'failed')
    state = <span class="file-state file-state--error">{t('files.failed', { reason: item.error ?? '' })}</span>;
  else state = <span class="file-state">{t('files.ready')}</span>;
  return (
    <li class={item.problem || item.phase === 'failed' ? 'file file--error' : 'file'}>
      <span class="file-name">{file.name}</span> <span class="file-size">{fileSize(file.size, lang, t)}</span>
      <span class="file-states">{state}</span>
      {removable ? (
        <button type="button" class="button button--secondary button--small" onClick={() => queue.remove(item.key)}>
          {t('files.remove')}
          <span class="visually-hidden"> {file.name}</span>
        </button>
      ) : null}
    </li>
  );
}

/* ─── The files in the thread ──────────────────────────────────────────── */

/** The thread's files by the message they came with; the others (or of a message not shown) apart. */
export function filesByMessage(
  attachments: readonly Attachment[],
  messageIds: readonly string[],
): { byMessage: Map<string, Attachment[]>; alone: Attachment[] } {
  const byMessage = new Map<string, Attachment[]>();
  const alone: Attachment[] = [];
  for (const file of attachments) {
    if (file.messageId && messageIds.includes(file.messageId)) {
      byMessage.set(file.messageId, [...(byMessage.get(file.messageId) ?? []), file]);
    } else alone.push(file);
  }
  return { byMessage, alone };
}

function statusWords(file: Attachment, t: FilesTranslate): string {
  if (file.status === 'rejected') return t(`files.status.rejected.${file.rejectedFor ?? 'type'}`);
  return t(`files.status.${file.status}`);
}

/** A ticket's files: clean ones are download buttons; the others say their state. */
export function AttachmentList({
  files,
  download,
  label,
  showUploader = false,
  tagInternal = false,
}: {
  files: readonly Attachment[];
  download: Download;
  label: string;
  /** Files sent on their own say who sent them. */
  showUploader?: boolean;
  /** Staff see which files requesters do not. */
  tagInternal?: boolean;
}) {
  if (files.length === 0) return null;
  return (
    <ul class="files files--thread" aria-label={label}>
      {files.map((file) => (
        <AttachmentRow
          key={file.id}
          file={file}
          download={download}
          showUploader={showUploader}
          tagInternal={tagInternal}
        />
      ))}
    </ul>
  );
}

function AttachmentRow({
  file,
  download,
  showUploader,
  tagInternal,
}: {
  file: Attachment;
  download: Download;
  showUploader: boolean;
  tagInternal: boolean;
}) {
  const { t, lang } = useFilesMessages();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const mine = sentInThisSession(file.id);
  const get = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { url } = await download(file.id);
      // S3 answers with Content-Disposition: attachment, so the page stays where it is.
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) setError(t('files.notReady'));
      else if (failure instanceof ApiError && failure.status === 0) setError(t('error.network'));
      else setError(failure instanceof ApiError ? (failure.detail ?? t('error.generic')) : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };
  const clean = file.status === 'clean';
  const tone = clean ? 'ok' : file.status === 'infected' || file.status === 'rejected' ? 'error' : 'waiting';
  return (
    <li class={`file file--${tone}`}>
      {clean ? (
        <button type="button" class="file-link" onClick={() => void get()} disabled={busy}>
          <span class="visually-hidden">{t('files.download')} </span>
          {file.fileName}
        </button>
      ) : (
        <span class="file-name">{file.fileName}</span>
      )}{' '}
      <span class="file-size">{fileSize(file.size, lang, t)}</span>
      {tagInternal && file.internal ? <span class="file-tag">{t('files.internal')}</span> : null}
      {showUploader ? <span class="file-by">{t('files.by', { name: file.uploadedBy.name })}</span> : null}
      {/* The state of a file sent from here is said when it changes; the others are read as they are. */}
      <span class={`file-state file-state--${tone}`} aria-live={mine ? 'polite' : undefined}>
        {clean && !mine ? '' : statusWords(file, t)}
      </span>
      {error ? (
        <span class="file-state file-state--error" role="alert">
          {error}
        </span>
      ) : null}
    </li>
  );
}

/**
 * Reads the ticket again every 2 s while a file sent from this page is still being received or
 * scanned, for up to a minute after the last upload.
 */
export function useScanPolling(attachments: readonly Attachment[] | undefined, reload: () => void): void {
  const waiting = useMemo(() => (attachments ? awaitingScan(attachments) : false), [attachments]);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(reload, SCAN_POLL_MS);
    return () => clearTimeout(timer);
  }, [attachments, waiting]);
}

/** The files of a new ticket that did not go, said once on its page, with what to do. */
export function UnsentNotice({ files, next }: { files: { name: string; reason: string }[]; next: string }) {
  const { t } = useFilesMessages();
  if (files.length === 0) return null;
  return (
    <div class="panel panel--warning" role="alert" aria-labelledby="unsent-title">
      <h2 id="unsent-title">{t('files.unsentTitle')}</h2>
      <p>{t('files.unsent')}</p>
      <ul>
        {files.map((file) => (
          <li key={file.name}>
            <strong>{file.name}</strong>: {file.reason}
          </li>
        ))}
      </ul>
      <p>{next}</p>
    </div>
  );
}
