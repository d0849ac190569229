/**
 * Messages of one area of the portal (the desk, the indicators, the administration), kept with
 * its screens so they load with that area's chunk and never weigh on a citizen's first load.
 * Catalan is the reference: the other languages must have exactly its keys (a typecheck error
 * otherwise). `t()` of an area falls back to the shared messages (i18n/ca.ts and siblings).
 */

import { useStore } from '../lib/store';
import type { MessageKey } from './ca';
import { language } from './index';
import type { Language } from './languages';
import { type Params, translate } from './translate';

export type Bundle<K extends string> = Record<Language, Record<K, string>>;

export function defineMessages<const C extends Record<string, string>>(
  ca: C,
  others: Record<Exclude<Language, 'ca'>, Record<keyof C, string>>,
): Bundle<keyof C & string> {
  return { ca, ...others };
}

export type AreaTranslate<K extends string> = (key: K | MessageKey, params?: Params) => string;

/** A message of the area, else a shared one, in a given language. Pure, for unit tests. */
export function translateIn<K extends string>(
  bundle: Bundle<K>,
  lang: Language,
  key: K | MessageKey,
  params?: Params,
): string {
  const own = (bundle[lang] as Record<string, string>)[key];
  if (own === undefined) return translate(lang, key as MessageKey, params);
  return params ? own.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all)) : own;
}

/** The reader's language and the area's `t()`; re-renders when the language changes. */
export function useMessages<K extends string>(bundle: Bundle<K>): { lang: Language; t: AreaTranslate<K> } {
  const lang = useStore(language);
  return { lang, t: (key, params) => translateIn(bundle, lang, key, params) };
}
