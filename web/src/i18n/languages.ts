/** The portal's languages, Catalan first (the default), as the API's `Accept-Language` takes them. */
export const LANGUAGES = ['ca', 'es', 'oc', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the chooser. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ca: 'Català',
  es: 'Español',
  oc: 'Aranés',
  en: 'English',
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
