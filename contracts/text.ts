import * as z from './zod';

/** Control characters (Unicode `Cc`): C0, DEL and C1. */
const CONTROLS = /\p{Cc}/u;
/** The same, but tab and line feed: what multi-line text may hold (CR is folded into LF first). */
const CONTROLS_BUT_TAB_AND_NEWLINE = /(?![\t\n])\p{Cc}/u;
/** Bidirectional embeddings, overrides and isolates: they make text read otherwise than it is stored. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;
/** Half of a UTF-16 surrogate pair on its own (JSON's `\ud800`): no character at all. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The one text policy for what people type: Unicode NFC, trimmed, no control characters
 * (multi-line text keeps tabs and line breaks, CRLF folded to LF), no bidirectional controls
 * and no broken characters; lengths count characters (code points), not UTF-16 units.
 */
export const text = (min: number, max: number, options: { tooShort?: string; multiline?: boolean } = {}) =>
  z.string().check(
    z.refine((value) => !LONE_SURROGATE.test(value), 'Contains a broken character.'),
    z.overwrite((value) => (options.multiline ? value.replace(/\r\n?/g, '\n') : value).normalize('NFC')),
    z.trim(),
    options.multiline
      ? z.refine((value) => !CONTROLS_BUT_TAB_AND_NEWLINE.test(value), 'Control characters are not allowed.')
      : z.refine((value) => !CONTROLS.test(value), 'Control characters and line breaks are not allowed here.'),
    z.refine((value) => !BIDI_CONTROLS.test(value), 'Bidirectional control characters are not allowed.'),
    z.minLength(min, options.tooShort),
    z.maxLength(max),
  );

/** An identifier chosen by administrators (topics, teams, organisations): lower-case letters, digits, dashes. */
export const slug = () =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(100),
      z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes.'),
    );

/** Localized text in the four languages every form and page is shown in (as stored; administrators' input is checked where it is taken). */
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
