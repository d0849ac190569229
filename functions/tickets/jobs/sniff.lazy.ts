import { fileTypeFromBuffer } from 'file-type';
import { looksLikeText } from '../domain/attachments';

/**
 * What a file's first bytes say it is: file-type's `mime` for its magic numbers (OOXML and
 * OpenDocument told apart by their first zip entries), `text` for text, which has none. A file
 * of its own beside the checking function's bundle (lib/bundling.ts), loaded on the first upload.
 */
export async function sniff(head: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(head))?.mime ?? (looksLikeText(head) ? 'text' : undefined);
}
