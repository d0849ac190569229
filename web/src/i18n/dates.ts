/**
 * Dates and times in the organisation's time zone, in the reader's language.
 *
 * Catalan, Spanish and English come from the browser's `Intl.DateTimeFormat`. Aranese (`oc`)
 * does not: Chromium ships no `oc` date data (it would silently fall back to English), and the
 * locale-data polyfill is far larger than the two lists below. So Aranese dates take their
 * numbers from `Intl` (which does the time zone arithmetic) and their names from here.
 */
import type { Language } from './languages';

/** Every demo organisation works in Europe/Madrid; the API documents it as the default. */
export const DEFAULT_TIME_ZONE = 'Europe/Madrid';

/** Aranese month names, January first (Conselh Generau d'Aran usage). */
export const ARANESE_MONTHS = [
  'gèr',
  'hereuèr',
  'març',
  'abriu',
  'mai',
  'junh',
  'julhet',
  'agost',
  'seteme',
  'octobre',
  'noveme',
  'deseme',
] as const;

/** Aranese weekday names, Sunday first (as `Date.getDay()` counts). */
export const ARANESE_WEEKDAYS = [
  'dimenge',
  'deluns',
  'dimars',
  'dimèrcles',
  'dijaus',
  'diuendres',
  'dissabte',
] as const;

const INTL_LOCALES: Record<Exclude<Language, 'oc'>, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' };

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: string;
  minute: string;
}

/** The wall-clock parts of an instant in a time zone, whatever the browser's own locale data. */
function partsIn(date: Date, timeZone: string): Parts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    weekday: weekdays.indexOf(part('weekday')),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/** "de" elides before a vowel in Occitan as in Catalan: "3 d'abriu", "12 d'octobre". */
const ofMonth = (name: string) => (/^[aeiouàèéíòóú]/i.test(name) ? `d’${name}` : `de ${name}`);

/** Aranese date: "24 de noveme de 2026"; with the weekday, "dimars, 24 de noveme de 2026". */
export function formatAraneseDate(date: Date, timeZone = DEFAULT_TIME_ZONE, withWeekday = false): string {
  const p = partsIn(date, timeZone);
  const month = ARANESE_MONTHS[p.month - 1] ?? '';
  const text = `${p.day} ${ofMonth(month)} de ${p.year}`;
  return withWeekday ? `${ARANESE_WEEKDAYS[p.weekday]}, ${text}` : text;
}

/** A calendar date ("2026-11-24", no time zone) in words. */
export function formatDay(isoDate: string, language: Language): string {
  // Noon UTC keeps the same calendar day in every time zone of Europe.
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  if (language === 'oc') return formatAraneseDate(date, 'UTC');
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** An instant (ISO 8601) as date and time in the organisation's time zone. */
export function formatDateTime(iso: string, language: Language, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (language === 'oc') {
    const p = partsIn(date, timeZone);
    return `${formatAraneseDate(date, timeZone)}, ${p.hour}.${p.minute} h`;
  }
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    date,
  );
}

/** An instant as a short date (for tables): "24/11/2026" in every language. */
export function formatShortDate(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsIn(date, timeZone);
  return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}
