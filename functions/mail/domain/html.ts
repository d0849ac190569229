import type { Language } from '../../../contracts/vocabulary';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?»)]/g;

/**
 * The HTML part of a mail, made from its text part so the two never say different things:
 * every character escaped (subjects and staff messages are other people's text), paragraphs
 * kept, and the portal's links made clickable.
 */
export function htmlOf(text: string, language: Language): string {
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => linkify(line));
      return `<p>${lines.join('<br>')}</p>`;
    });
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"></head><body>${paragraphs.join('')}</body></html>`;
}

/** Escapes a line and wraps its URLs in links, escaping them too. */
function linkify(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0];
    html += `${escapeHtml(line.slice(last, match.index))}<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return html + escapeHtml(line.slice(last));
}
