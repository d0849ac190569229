/** Messages by language and `translate()`: pure, so unit tests and pure modules can use them. */
import { ca, type MessageKey, type Messages } from './ca';
import { en } from './en';
import { es } from './es';
import type { Language } from './languages';
import { oc } from './oc';

const MESSAGES: Record<Language, Messages> = { ca, es, oc, en };

export type Params = Record<string, string | number>;

/** The message in a language, `{name}` placeholders filled. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const text = MESSAGES[lang][key];
  return params ? text.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all)) : text;
}
