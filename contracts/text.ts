import * as z from './zod';

/** A trimmed string between `min` and `max` characters. */
export const text = (min: number, max: number, messages: { tooShort?: string } = {}) =>
  z.string().check(z.trim(), z.minLength(min, messages.tooShort), z.maxLength(max));

/** An identifier chosen by administrators (topics, teams, organisations). */
export const slug = () => z.string().check(z.minLength(1), z.maxLength(100));

/** Localized text in the four languages every form and page is shown in. */
export const LocalizedText = z.strictObject({
  ca: z.string().check(z.minLength(1)),
  es: z.string().check(z.minLength(1)),
  oc: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Spanish numbers (9 digits, optional +34) and any E.164 number; spaces, dots, dashes and brackets are dropped. */
const PHONE = /^\+?[0-9]{9,15}$/;
const normalizePhone = (value: string) => value.replace(/[\s().-]/g, '');
export const phone = () =>
  z.string().check(z.overwrite(normalizePhone), z.regex(PHONE, 'Enter a phone number with 9 to 15 digits.'));
