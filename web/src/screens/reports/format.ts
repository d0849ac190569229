/**
 * The indicators' figures in the reader's language, and the months to choose from. Pure (no DOM,
 * no Preact): unit-tested in tests/unit/web/reports-format.test.ts.
 */
import { ARANESE_MONTHS, DEFAULT_TIME_ZONE } from '../../i18n/dates';
import type { Language } from '../../i18n/languages';

/**
 * Number conventions by language. Browsers carry no Aranese (`oc`) number data, and Aranese writes
 * numbers as Catalan does (1.234,5 · 66,7 %), so it takes Catalan's.
 */
export const NUMBER_LOCALES: Record<Language, string> = { ca: 'ca-ES', es: 'es-ES', oc: 'ca-ES', en: 'en-GB' };

/** A month as the API takes it: 'YYYY-MM'. */
export const isMonth = (value: string | null | undefined): value is string =>
  typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The calendar month of an instant in a time zone (the organisation's: a month starts at its midnight). */
export function monthOf(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const part = (type: 'year' | 'month') => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** `count` months ending with `month`, newest first: '2026-01', '2025-12', … */
export function monthsUpTo(month: string, count: number): string[] {
  const [year = 0, number = 1] = month.split('-').map(Number);
  const first = year * 12 + number - 1;
  return Array.from({ length: count }, (_, i) => {
    const index = first - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

const DATE_LOCALES: Record<Exclude<Language, 'oc'>, string> = { ca: 'ca-ES', es: 'es-ES', en: 'en-GB' };

/** A month in words, as in running text: "novembre del 2026", "noveme de 2026", "November 2026". */
export function monthName(month: string, lang: Language): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  // Browsers have no Aranese month names (see i18n/dates.ts).
  if (lang === 'oc') return `${ARANESE_MONTHS[number - 1] ?? ''} de ${year}`;
  return new Intl.DateTimeFormat(DATE_LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 15)),
  );
}

/** The first letter in capitals, for a month standing alone in a list ("Novembre del 2026"). */
export const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** A count or a measure: "1.234" (ca), "1,234" (en); at most `decimals` decimals. */
export const formatNumber = (value: number, lang: Language, decimals = 0): string =>
  new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: decimals }).format(value);

/** A percentage given out of 100, one decimal at most: "66,7 %" (ca), "66.7%" (en). */
export const formatPercent = (percent: number, lang: Language): string =>
  new Intl.NumberFormat(NUMBER_LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);

/** No-break space: "3 h" never splits over two lines. */
const NBSP = '\u00a0';

/**
 * Business minutes as hours and minutes: "3 h 20 min", "45 min", "2 h". Percentiles come from a
 * histogram, so fractions of a minute are noise and are rounded away.
 */
export function formatMinutes(minutes: number, lang: Language): string {
  const total = Math.max(0, Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  const h = `${formatNumber(hours, lang)}${NBSP}h`;
  return rest === 0 ? h : `${h} ${rest}${NBSP}min`;
}

/** The file name the API gives the CSV too. */
export const csvFileName = (organisationId: string, month: string): string =>
  `indicadors-${organisationId}-${month}.csv`;

/** The figures `hasActivity` looks at: any report of the API has them. */
export interface ReportActivity {
  received: { total: number };
  resolved: number;
  closed: number;
  reopened: number;
  firstResponse: { count: number };
  resolution: { count: number };
  satisfaction: { count: number };
  callbacks: { requested: number; answered: number };
}

/** Whether anything happened in the month; a month without activity shows "no data yet", not empty charts. */
export const hasActivity = (report: ReportActivity): boolean =>
  [
    report.received.total,
    report.resolved,
    report.closed,
    report.reopened,
    report.firstResponse.count,
    report.resolution.count,
    report.satisfaction.count,
    report.callbacks.requested,
    report.callbacks.answered,
  ].some((count) => count !== 0);
