/**
 * Business-hours calendar engine: pure, no I/O, no clock. Time-zone data comes from the runtime's
 * ICU through `@date-fns/tz`'s `tzOffset` (only that sub-module is imported, so bundles stay small).
 *
 * Rules, in one place (tests/unit/sla/calendar.test.ts specifies each of them):
 *
 * - Open time is the union of the calendar's windows, each a half-open interval [from, to) of real
 *   instants. A window's boundary is the FIRST instant at which the local clock shows that time or
 *   later: a time skipped when clocks go forward becomes the instant of the jump, a time repeated
 *   when clocks go back is its first occurrence. So minutes are real elapsed time: a 01:00–04:00
 *   window holds 2 hours on the night clocks go forward and 4 on the night they go back.
 *   'to' may be '24:00' (the next day's 00:00); a window never crosses midnight (split it in two).
 * - A closing instant is closed (windows are half-open): filing at exactly 15:00 when the office
 *   closes at 15:00 counts from the next opening.
 * - `{ minutes: m }`: a start outside opening hours counts from the next opening (adding 0 gives the
 *   next opening; adding 0 to an open instant gives that instant); a due time that lands exactly on
 *   a closing time is that closing time. Minutes may be fractional; results are whole milliseconds.
 * - `{ days: n }`: a start in a closed instant first moves to the next opening (like a filing
 *   outside hours counting as made at the first hour of the next business day, Llei 39/2015 art. 31).
 *   The due time is the n-th business day after that day (a business day is not a holiday and has
 *   open time) at the same local wall-clock time. If that time does not exist (clocks went forward)
 *   it is the instant of the jump; if it is repeated, its first occurrence. If it falls outside that
 *   day's windows it is clamped into the day: before the first opening → that opening; in a break
 *   or after closing → the closing just before it. A due time is never later than "the same time n
 *   business days later", nor on another day.
 * - `{ days: n, endOfDay: true }`: that business day's last closing time. `{ days: 0, endOfDay: true }`
 *   is the end of the current business day, or of the next one when today is not a business day or
 *   is already closed (so "same or next business day" is `{ days: 1, endOfDay: true }`).
 *   `{ days: 0 }` is the start itself, or the next opening.
 * - `businessTimeBetween` is the open time in [from, to) in real minutes, fractional for inputs
 *   with seconds or milliseconds, and 0 when `to <= from`. For any start inside opening hours,
 *   `businessTimeBetween(c, s, addBusinessTime(c, s, { minutes: m })) === m` (whole milliseconds).
 * - Holidays: `{ date }` one day, `{ date, yearly: true }` that month and day every year (the year
 *   written is ignored; 29 Feb only in leap years), `{ from, to }` every day of the inclusive range.
 *
 * Cost: one time-zone look-up per calendar day walked (plus ~30 on the few days with an offset
 * change), holiday ranges are jumped over whole, and no loop runs per minute. Assumes a time zone
 * changes offset at most once in five days (true of every zone in the tz database today).
 * A calendar with no opening hours is invalid; one kept closed by holidays for more than
 * `MAX_CLOSED_DAYS` days in a row throws instead of searching further.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import * as z from '../../../contracts/zod';
import { type FieldIssue, ValidationFailed } from '../../platform/kernel/errors';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface Calendar {
  /** IANA time zone, e.g. 'Europe/Madrid'. */
  timeZone: string;
  /** Opening windows per weekday, 'HH:MM' local time ('24:00' allowed as `to`); several per day. */
  week: Partial<Record<Weekday, { from: string; to: string }[]>>;
  /** 'YYYY-MM-DD': a single date, a yearly date (every year on that month and day) or an inclusive range. */
  holidays: ({ date: string; yearly?: boolean } | { from: string; to: string })[];
}

export type BusinessAmount = { minutes: number } | { days: number; endOfDay?: boolean };

/** The time zone of an organisation without a calendar of its own (API.md). */
export const DEFAULT_TIME_ZONE = 'Europe/Madrid';

/** Monday first, as the `week` keys are read. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Days in a row a search for the next opening may find closed before it gives up (about 3 years). */
export const MAX_CLOSED_DAYS = 1100;

/** The largest amount accepted: about a hundred years. */
const MAX_DAYS = 36_525;
const MAX_MINUTES = MAX_DAYS * 24 * 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A calendar that fails `calendarProblems`; `issues` name each problem by its path. */
export class InvalidCalendar extends ValidationFailed {
  constructor(issues: readonly FieldIssue[]) {
    super(issues, `Invalid calendar: ${issues.map(sentence).join('; ')}`);
  }
}

const sentence = ({ path, message }: FieldIssue) => (path === '' ? message : `${path}: ${message}`);

/* ------------------------------------------------------------------------------------------------
 * Validation
 * ---------------------------------------------------------------------------------------------- */

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight of an 'HH:MM' time ('24:00' is 1440), or undefined when malformed. */
function minutesOf(time: unknown): number | undefined {
  if (typeof time !== 'string') return undefined;
  const match = TIME.exec(time);
  if (!match) return undefined;
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

/** Days since 1970-01-01 of a real 'YYYY-MM-DD' date, or undefined. */
function dayOf(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = DATE.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = new Date(0).setUTCFullYear(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return time / DAY;
}

const knownZones = new Set<string>();

function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (Number.isNaN(tzOffset(zone, new Date(0)))) return false;
  knownZones.add(zone);
  return true;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Report = (path: string, message: string) => void;

/** A window's minutes since midnight, or undefined (reported) when it is malformed. */
function checkWindow(at: string, window: unknown, report: Report): { from: number; to: number } | undefined {
  if (!isRecord(window)) {
    report(at, 'Must be { from: "HH:MM", to: "HH:MM" }.');
    return undefined;
  }
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  const badFrom = from === undefined || from === 24 * 60;
  if (badFrom) report(`${at}.from`, 'Must be a time "HH:MM" from 00:00 to 23:59.');
  if (to === undefined) report(`${at}.to`, 'Must be a time "HH:MM" from 00:00 to 24:00.');
  if (badFrom || from === undefined || to === undefined) return undefined;
  if (from >= to) {
    report(at, `Opens at ${window.from} but closes at ${window.to}: "from" must be before "to".`);
    return undefined;
  }
  return { from, to };
}

/** Whether a weekday's windows are valid and open at all. */
function checkDay(path: string, windows: unknown, report: Report): boolean {
  if (!Array.isArray(windows)) {
    report(path, 'Must be a list of { from, to } windows.');
    return false;
  }
  const valid: { index: number; from: number; to: number }[] = [];
  for (const [index, window] of windows.entries()) {
    const minutes = checkWindow(`${path}[${index}]`, window, report);
    if (minutes) valid.push({ index, ...minutes });
  }
  valid.sort((a, b) => a.from - b.from);
  for (let i = 1; i < valid.length; i++) {
    const [before, after] = [valid[i - 1], valid[i]];
    if (before && after && after.from < before.to) {
      report(`${path}[${after.index}]`, `Overlaps the window ${path}[${before.index}].`);
    }
  }
  return valid.length > 0;
}

function checkHoliday(at: string, holiday: unknown, report: Report): void {
  if (!isRecord(holiday) || 'date' in holiday === ('from' in holiday || 'to' in holiday)) {
    report(at, 'Must be { date: "YYYY-MM-DD", yearly?: boolean } or { from: "YYYY-MM-DD", to: "YYYY-MM-DD" }.');
    return;
  }
  if ('date' in holiday) {
    if (dayOf(holiday.date) === undefined) report(`${at}.date`, 'Must be a real date "YYYY-MM-DD".');
    if (holiday.yearly !== undefined && typeof holiday.yearly !== 'boolean') {
      report(`${at}.yearly`, 'Must be true or false.');
    }
    return;
  }
  if ('yearly' in holiday) report(`${at}.yearly`, 'Only single dates repeat yearly; a range is for given dates.');
  const from = dayOf(holiday.from);
  const to = dayOf(holiday.to);
  if (from === undefined) report(`${at}.from`, 'Must be a real date "YYYY-MM-DD".');
  if (to === undefined) report(`${at}.to`, 'Must be a real date "YYYY-MM-DD".');
  if (from !== undefined && to !== undefined && from > to) report(at, 'The range ends before it starts.');
}

function issuesOf(calendar: unknown): FieldIssue[] {
  if (!isRecord(calendar)) return [{ path: '', message: 'A calendar must be an object.' }];
  const issues: FieldIssue[] = [];
  const report: Report = (path, message) => {
    issues.push({ path, message });
  };

  if (!isTimeZone(calendar.timeZone)) {
    report('timeZone', `${JSON.stringify(calendar.timeZone)} is not an IANA time zone (e.g. "Europe/Madrid").`);
  }

  if (!isRecord(calendar.week)) {
    report('week', 'Must be an object of opening windows by weekday (mon … sun).');
  } else {
    let open = false;
    let valid = true;
    for (const [key, windows] of Object.entries(calendar.week)) {
      const before = issues.length;
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        report(`week.${key}`, `Unknown weekday; use ${WEEKDAYS.join(', ')}.`);
      } else if (windows !== undefined && checkDay(`week.${key}`, windows, report)) {
        open = true;
      }
      if (issues.length > before) valid = false;
    }
    if (!open && valid) report('week', 'The calendar has no opening hours: every day is closed.');
  }

  if (!Array.isArray(calendar.holidays)) {
    report('holidays', 'Must be a list of { date, yearly? } or { from, to }.');
  } else {
    for (const [index, holiday] of calendar.holidays.entries()) checkHoliday(`holidays[${index}]`, holiday, report);
  }
  return issues;
}

/**
 * What is wrong with a calendar, one sentence per problem prefixed with its path
 * (e.g. `week.mon[1]: Overlaps the window week.mon[0].`); empty when it is valid.
 */
export function calendarProblems(calendar: unknown): string[] {
  return issuesOf(calendar).map(sentence);
}

/** A calendar as stored and edited: checked by `calendarProblems`, each problem at its path. */
export const BusinessCalendar = z.custom<Calendar>().check(
  z.superRefine((value, context) => {
    for (const { path, message } of issuesOf(value)) {
      context.addIssue({ code: 'custom', message, input: value, path: path === '' ? [] : path.split('.') });
    }
  }),
);

/* ------------------------------------------------------------------------------------------------
 * Compiled calendar: windows in minutes, holidays as day numbers, time-zone look-ups cached
 * ---------------------------------------------------------------------------------------------- */

/** Days are counted from 1970-01-01 in the calendar's local time; instants are epoch milliseconds. */
interface Compiled {
  zone: string;
  /** Index 0 = Monday; sorted, touching windows merged; minutes since local midnight. */
  windows: (readonly [number, number])[][];
  singles: Set<number>;
  /** month * 100 + day of month */
  yearly: Set<number>;
  ranges: (readonly [number, number])[];
  /** UTC offset (ms) at UTC noon of a day number, per call. */
  samples: Map<number, number>;
  /** Offset change instant found around a day number, per call. */
  transitions: Map<number, number>;
}

function compile(calendar: Calendar): Compiled {
  const issues = issuesOf(calendar);
  if (issues.length > 0) throw new InvalidCalendar(issues);
  const windows = WEEKDAYS.map((weekday) => {
    const sorted = (calendar.week[weekday] ?? [])
      .map(({ from, to }) => [minutesOf(from) ?? 0, minutesOf(to) ?? 0] as const)
      .sort((a, b) => a[0] - b[0]);
    const merged: (readonly [number, number])[] = [];
    for (const window of sorted) {
      const last = merged.at(-1);
      if (last && last[1] === window[0]) merged[merged.length - 1] = [last[0], window[1]];
      else merged.push(window);
    }
    return merged;
  });
  const compiled: Compiled = {
    zone: calendar.timeZone,
    windows,
    singles: new Set(),
    yearly: new Set(),
    ranges: [],
    samples: new Map(),
    transitions: new Map(),
  };
  for (const holiday of calendar.holidays) {
    if ('date' in holiday) {
      const day = dayOf(holiday.date) ?? 0;
      if (holiday.yearly) compiled.yearly.add(monthDay(day));
      else compiled.singles.add(day);
    } else {
      compiled.ranges.push([dayOf(holiday.from) ?? 0, dayOf(holiday.to) ?? 0]);
    }
  }
  return compiled;
}

function monthDay(day: number): number {
  const date = new Date(day * DAY);
  return (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** Monday = 0 … Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
const weekdayIndex = (day: number) => (((day + 3) % 7) + 7) % 7;

/** UTC offset in whole milliseconds at an instant. */
const offsetAt = (c: Compiled, instant: number) => Math.round(tzOffset(c.zone, new Date(instant)) * MINUTE);

function sample(c: Compiled, day: number): number {
  let offset = c.samples.get(day);
  if (offset === undefined) {
    offset = offsetAt(c, day * DAY + 12 * HOUR);
    c.samples.set(day, offset);
  }
  return offset;
}

/** The local day an instant falls on. */
const localDayOf = (c: Compiled, instant: number) => Math.floor((instant + offsetAt(c, instant)) / DAY);

/**
 * The first instant at which the local clock shows `wall` (ms since midnight of `day`) or later.
 * Offsets are sampled two days before and three days after; any change between them is located
 * by bisection (to the millisecond), once per day and call.
 */
function instantOf(c: Compiled, day: number, wall: number): number {
  const before = sample(c, day - 2);
  const after = sample(c, day + 3);
  const local = day * DAY + wall;
  if (before === after) return local - before;
  let change = c.transitions.get(day);
  if (change === undefined) {
    let low = (day - 2) * DAY + 12 * HOUR; // offset `before`
    let high = (day + 3) * DAY + 12 * HOUR; // offset changed
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(c, middle) === before) low = middle;
      else high = middle;
    }
    change = high;
    c.transitions.set(day, change);
  }
  if (local - before < change) return local - before; // exists before the change (first if repeated)
  if (local - after >= change) return local - after; // exists after the change
  return change; // skipped by the change: the clock passes it at the change
}

/** The last day of the holiday covering `day`, or undefined when `day` is not a holiday. */
function holidayUntil(c: Compiled, day: number): number | undefined {
  let until: number | undefined;
  for (const [from, to] of c.ranges) if (from <= day && day <= to) until = Math.max(until ?? day, to);
  if (until === undefined && (c.singles.has(day) || c.yearly.has(monthDay(day)))) until = day;
  return until;
}

/** A day's open intervals [open, close) as instants; empty on closed days. */
function intervalsOf(c: Compiled, day: number): [number, number][] {
  const intervals: [number, number][] = [];
  for (const [from, to] of c.windows[weekdayIndex(day)] ?? []) {
    const open = instantOf(c, day, from * MINUTE);
    const close = instantOf(c, day, to * MINUTE);
    if (close > open) intervals.push([open, close]);
  }
  return intervals;
}

/**
 * Business days from `day` on, with their open intervals, holidays skipped (ranges at once).
 * Stops after `until` (an instant); without it, throws after MAX_CLOSED_DAYS closed days in a row.
 */
function* businessDays(c: Compiled, day: number, until = Number.POSITIVE_INFINITY) {
  let lastOpen = day;
  for (;;) {
    if (day * DAY - 14 * HOUR > until) return; // local midnight is never more than 14 h before UTC's
    if (until === Number.POSITIVE_INFINITY && day - lastOpen > MAX_CLOSED_DAYS) {
      const since = new Date(lastOpen * DAY).toISOString().slice(0, 10);
      throw new InvalidCalendar([
        { path: 'holidays', message: `No opening hours in the ${MAX_CLOSED_DAYS} days after ${since}.` },
      ]);
    }
    const holidayEnd = c.windows[weekdayIndex(day)]?.length ? holidayUntil(c, day) : day;
    if (holidayEnd !== undefined) {
      day = holidayEnd + 1;
      continue;
    }
    const intervals = intervalsOf(c, day);
    if (intervals.length > 0) {
      lastOpen = day;
      yield { day, intervals };
    }
    day += 1;
  }
}

/** Open intervals ending after `from`, the first one cut to start at `from` when `from` is inside it. */
function* openIntervals(c: Compiled, from: number, until?: number) {
  // Start a day early: around a backward change, an instant may read as the day before.
  for (const { day, intervals } of businessDays(c, localDayOf(c, from) - 1, until)) {
    for (const [open, close] of intervals) {
      if (close > from) yield { day, open: Math.max(open, from), close };
    }
  }
}

/* ------------------------------------------------------------------------------------------------
 * The engine
 * ---------------------------------------------------------------------------------------------- */

function instantOfDate(date: Date, name: string): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new RangeError(`${name} must be a valid Date.`);
  return time;
}

function first<T>(iterator: Iterator<T>): T {
  const next = iterator.next();
  if (next.done) throw new Error('The calendar has no opening hours.');
  return next.value;
}

function addMinutes(c: Compiled, start: number, minutes: number): number {
  let left = Math.round(minutes * MINUTE);
  for (const { open, close } of openIntervals(c, start)) {
    if (left <= close - open) return open + left;
    left -= close - open;
  }
  throw new Error('The calendar has no opening hours.');
}

function addDays(c: Compiled, start: number, days: number, endOfDay: boolean): number {
  const { day: today, open } = first(openIntervals(c, start));
  let target: { day: number; intervals: [number, number][] } = { day: today, intervals: intervalsOf(c, today) };
  if (days > 0) {
    let counted = 0;
    for (const business of businessDays(c, today + 1)) {
      target = business;
      if (++counted === days) break;
    }
  }
  const { intervals } = target;
  const last = intervals.at(-1);
  if (!last) throw new Error('The calendar has no opening hours.');
  if (endOfDay) return last[1];
  if (days === 0) return open;
  const due = instantOf(c, target.day, open + offsetAt(c, open) - today * DAY);
  let clamped = intervals[0]?.[0] ?? last[0];
  for (const [from, to] of intervals) if (from <= due) clamped = Math.min(due, to);
  return clamped;
}

/**
 * The due time `amount` of business time after `start`: real open minutes, or whole business days
 * (optionally to that day's close). See the rules at the top of this module.
 * @throws InvalidCalendar when the calendar is invalid or stays closed for years.
 * @throws RangeError for an invalid start or a negative, non-finite or absurdly large amount.
 */
export function addBusinessTime(calendar: Calendar, start: Date, amount: BusinessAmount): Date {
  const from = instantOfDate(start, 'start');
  if ('minutes' in amount) {
    const { minutes } = amount;
    if (typeof minutes !== 'number' || !(minutes >= 0 && minutes <= MAX_MINUTES)) {
      throw new RangeError(`minutes must be a number from 0 to ${MAX_MINUTES}.`);
    }
    return new Date(addMinutes(compile(calendar), from, minutes));
  }
  const { days, endOfDay = false } = amount;
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new RangeError(`days must be a whole number from 0 to ${MAX_DAYS}.`);
  }
  return new Date(addDays(compile(calendar), from, days, endOfDay === true));
}

/**
 * Real elapsed open time in [from, to), in minutes (fractional when the inputs have seconds);
 * 0 when `to <= from`.
 * @throws InvalidCalendar when the calendar is invalid.
 */
export function businessTimeBetween(calendar: Calendar, from: Date, to: Date): number {
  const start = instantOfDate(from, 'from');
  const end = instantOfDate(to, 'to');
  const c = compile(calendar);
  if (end <= start) return 0;
  let open = 0;
  for (const interval of openIntervals(c, start, end)) {
    if (interval.open >= end) break;
    open += Math.min(interval.close, end) - interval.open;
  }
  return open / MINUTE;
}
