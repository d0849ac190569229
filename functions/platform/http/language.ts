import { DEFAULT_LANGUAGE, type Language } from '../../../contracts/vocabulary';

/**
 * Aranese is Occitan; clients may send `oc`, `oc-aranes` or the ISO 639-3 code `arn`. A Map,
 * not an object: a tag such as `__proto__` or `constructor` must find nothing.
 */
const ALIASES = new Map<string, Language>([
  ['ca', 'ca'],
  ['es', 'es'],
  ['oc', 'oc'],
  ['arn', 'oc'],
  ['en', 'en'],
]);

/** Picks the best supported language from an `Accept-Language` header, honouring q-values. */
export function pickLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== '' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = ALIASES.get(tag.split('-')[0] ?? '');
    if (language) return language;
  }
  return DEFAULT_LANGUAGE;
}
