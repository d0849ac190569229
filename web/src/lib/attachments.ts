/**
 * Attachments in the browser: which files may go (checked before asking, as the API will check
 * them: contracts/attachments.ts, mirrored here so no zod reaches the portal; the browser tests
 * keep the two equal), their size in words, the upload itself (an S3 presigned POST, sent with
 * XMLHttpRequest for its progress events), and what this session sent, so the ticket pages know
 * whose scan results to wait for. Pure except for `postToStorage` and the session's memory.
 */
import type { Language } from '../i18n/languages';

/** contracts/attachments.ts `ATTACHMENT_CONTENT_TYPES`, by the extensions people know them by. */
export const TYPES_BY_EXTENSION = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
} as const;
export type AttachmentType = (typeof TYPES_BY_EXTENSION)[keyof typeof TYPES_BY_EXTENSION];
export const ATTACHMENT_CONTENT_TYPES: readonly AttachmentType[] = [...new Set(Object.values(TYPES_BY_EXTENSION))];

/** contracts/attachments.ts `DEFAULT_ATTACHMENT_MAX_BYTES`: an organisation may set less; the API says so then. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** contracts/attachments.ts `MAX_ATTACHMENTS_PER_TICKET`. */
export const MAX_ATTACHMENTS_PER_TICKET = 20;

/** The extensions the hint lists, as people know them. */
export const EXTENSIONS_SHOWN = 'PNG, JPG, GIF, WebP, PDF, TXT, CSV, DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC, XLS, PPT';

const isAttachmentType = (value: string): value is AttachmentType =>
  (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(value);

/**
 * The type to declare for a file. The extension comes first where it is one we know: browsers
 * derive `type` from it anyway, except where the system maps it oddly (Windows reports .csv as
 * `application/vnd.ms-excel`, which the scan would then refuse) or not at all (an empty `type`).
 */
export function contentTypeOf(file: { name: string; type: string }): AttachmentType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const byExtension = (TYPES_BY_EXTENSION as Record<string, AttachmentType>)[extension];
  if (byExtension) return byExtension;
  return isAttachmentType(file.type) ? file.type : undefined;
}

export type FileProblem = 'type' | 'size' | 'empty';

/** Why a file cannot go, as the API would say it; undefined when it may. */
export function fileProblem(
  file: { name: string; type: string; size: number },
  maxBytes = DEFAULT_ATTACHMENT_MAX_BYTES,
): FileProblem | undefined {
  if (!contentTypeOf(file)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return undefined;
}

/** Decimal comma where the language writes one; Chromium has no `oc` number data (Aranese writes as Catalan). */
const numberLocale = (lang: Language) => (lang === 'oc' ? 'ca' : lang);

/** A size as people read it: "68 bytes", "12 KB", "1,4 MB" (binary units, as file managers show them). */
export function sizeWords(bytes: number, lang: Language, words: { bytes: string; kb: string; mb: string }): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(numberLocale(lang), { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return words.bytes.replace('{n}', format(bytes, 0));
  if (bytes < 1024 * 1024) return words.kb.replace('{n}', format(Math.round(bytes / 1024), 0));
  const mb = bytes / (1024 * 1024);
  return words.mb.replace('{n}', format(mb, mb < 10 ? 1 : 0));
}

/** Where the API said to upload: an S3 presigned POST. */
export interface UploadTarget {
  url: string;
  fields: Record<string, string>;
}

/** The upload failed at the storage: status 0 when it could not be reached. */
export class StorageError extends Error {
  constructor(readonly status: number) {
    super(`Upload failed (${status})`);
    this.name = 'StorageError';
  }
}

/**
 * Sends the file to the storage as a multipart/form-data POST: every field first, then the file
 * as `file`, typed as declared (the policy holds it to that type and its exact size). Reports
 * the share sent so far (0–1). S3 answers 204.
 */
export function postToStorage(
  target: UploadTarget,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
  form.append('file', file.slice(0, file.size, contentType), (file as File).name ?? 'file');
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', target.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
      } else reject(new StorageError(request.status));
    });
    request.addEventListener('error', () => reject(new StorageError(0)));
    request.addEventListener('abort', () => reject(new StorageError(0)));
    request.addEventListener('timeout', () => reject(new StorageError(0)));
    request.send(form);
  });
}

/* ─── What this session sent ─────────────────────────────────────────────── */

/** How long the ticket pages keep asking for scan results after an upload. */
export const SCAN_WAIT_MS = 60_000;
/** How often they ask. */
export const SCAN_POLL_MS = 2_000;

const sentHere = new Set<string>();
let lastSentAt = 0;

export function rememberSent(attachmentId: string, now = Date.now()): void {
  sentHere.add(attachmentId);
  lastSentAt = now;
}

export const sentInThisSession = (attachmentId: string): boolean => sentHere.has(attachmentId);

/** Whether a ticket page should read the ticket again soon: a file sent from here is still being checked. */
export function awaitingScan(
  attachments: readonly { id: string; status: string }[],
  now = Date.now(),
  sent: (id: string) => boolean = sentInThisSession,
  since = lastSentAt,
): boolean {
  if (now - since > SCAN_WAIT_MS) return false;
  return attachments.some((file) => sent(file.id) && (file.status === 'pending' || file.status === 'scanning'));
}

/** Files that did not go with a new ticket, said on the ticket's page once it opens. */
export interface UnsentFiles {
  ticketId: string;
  files: { name: string; reason: string }[];
}

let unsent: UnsentFiles | undefined;

export function rememberUnsent(value: UnsentFiles | undefined): void {
  unsent = value;
}

/** The files that did not go with this ticket, once: the notice is not repeated on the next visit. */
export function takeUnsent(ticketId: string): UnsentFiles['files'] | undefined {
  if (unsent?.ticketId !== ticketId) return undefined;
  const { files } = unsent;
  unsent = undefined;
  return files;
}
