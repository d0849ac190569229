/**
 * The reader's language: chosen in the header, remembered in localStorage (only the language:
 * nothing about the person), set on `<html lang>`, sent as `Accept-Language` and, when signed
 * in, saved to the profile so mails come in it too (see components/LanguageChooser.tsx).
 */
import { createStore, useStore } from '../lib/store';
import type { MessageKey } from './ca';
import { isLanguage, type Language } from './languages';
import { type Params, translate } from './translate';

export type { MessageKey, Messages } from './ca';
export { LANGUAGE_NAMES, LANGUAGES, type Language } from './languages';
export { type Params, translate } from './translate';

const STORAGE_KEY = 'finestreta.language';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked; the default is fine.
  }
  return 'ca';
}

export const language = createStore<Language>(initialLanguage());

/** Whether the reader chose a language on this device (else their profile's may be used). */
export function languageChosen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}

export function setLanguage(next: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, still used.
  }
  document.documentElement.lang = next;
  language.set(next);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The current language and its `t()`; components re-render when the language changes. */
export function useI18n(): { lang: Language; t: Translate } {
  const lang = useStore(language);
  return { lang, t: (key, params) => translate(lang, key, params) };
}
