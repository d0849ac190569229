/**
 * The administration forms' drafts (what people type) and the documents the API takes, with the
 * checks made before sending: the API's own rules (contracts/catalogue.ts, contracts/admin.ts,
 * functions/sla/domain/calendar.ts), so every problem shows at once. The API checks again.
 * Pure: tests/unit/web/admin-model.test.ts.
 */
import type { FieldErrors, FieldProblem } from '../../api/problem';
import type { Schemas } from '../../api/types';
import type { MessageKey } from '../../i18n/ca';

export type CalendarDocument = Schemas['CalendarDocument'];
export type Holiday = CalendarDocument['holidays'][number];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaRule = SlaPolicy['rules'][number];
export type Commitment = SlaRule['firstResponse'];
export type Priority = NonNullable<SlaRule['priority']>;
export type TeamDocument = Schemas['TeamDocument'];
export type Localized = TeamDocument['name'];

/** The keys of the area's messages the checks use (messages.ts has each). */
export type CheckKey =
  | 'check.slug'
  | 'check.time'
  | 'check.timeTo'
  | 'check.order'
  | 'check.overlap'
  | 'check.allClosed'
  | 'check.date'
  | 'check.rangeOrder'
  | 'check.holidayTwice'
  | 'check.whole'
  | 'check.between'
  | 'check.ruleTwice'
  | 'check.tooLong';
export type Say = (key: CheckKey | MessageKey, params?: Record<string, string | number>) => string;

export const LOCALIZED_LANGUAGES = ['ca', 'es', 'oc', 'en'] as const satisfies readonly (keyof Localized)[];
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const satisfies readonly Priority[];

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const isSlug = (value: string): boolean => value.length <= 100 && SLUG.test(value);

/** Moves the API's errors to the control that shows them (`week.mon.0` → `week.mon.0.to`). */
export function relocate(errors: readonly FieldProblem[], moves: readonly [RegExp, string][]): FieldProblem[] {
  return errors.map(({ path, message }) => {
    const move = moves.find(([pattern]) => pattern.test(path));
    return { path: move ? path.replace(move[0], move[1]) : path, message };
  });
}

/** Names in the four languages: each required, at most `max` characters (as the API counts them). */
export function checkLocalized(
  path: string,
  value: Localized,
  labels: Record<keyof Localized, string>,
  say: Say,
  max = 200,
): FieldErrors {
  const found: FieldErrors = {};
  for (const language of LOCALIZED_LANGUAGES) {
    const text = value[language].trim();
    if (!text) found[`${path}.${language}`] = say('v.required', { label: labels[language] });
    else if ([...text].length > max)
      found[`${path}.${language}`] = say('check.tooLong', { label: labels[language], n: max });
  }
  return found;
}

export const trimmed = (value: Localized): Localized => ({
  ca: value.ca.trim(),
  es: value.es.trim(),
  oc: value.oc.trim(),
  en: value.en.trim(),
});

/* ─── Teams ─────────────────────────────────────────────────────────────── */

export interface TeamDraft {
  id: string;
  name: Localized;
  level: '' | '1' | '2';
  assignment: '' | 'manual' | 'automatic';
}

export function checkTeam(
  draft: TeamDraft,
  isNew: boolean,
  labels: { id: string; level: string; assignment: string; name: Record<keyof Localized, string> },
  say: Say,
): FieldErrors {
  const found: FieldErrors = {};
  if (isNew) {
    if (!draft.id.trim()) found.id = say('v.required', { label: labels.id });
    else if (!isSlug(draft.id.trim())) found.id = say('check.slug');
  }
  Object.assign(found, checkLocalized('name', draft.name, labels.name, say));
  if (!draft.level) found.level = say('v.choose', { label: labels.level });
  if (!draft.assignment) found.assignment = say('v.choose', { label: labels.assignment });
  return found;
}

export const teamBody = (draft: TeamDraft, organisationId: string): TeamDocument => ({
  organisationId,
  name: trimmed(draft.name),
  level: draft.level === '2' ? 2 : 1,
  assignment: draft.assignment === 'automatic' ? 'automatic' : 'manual',
});

/* ─── Calendar ──────────────────────────────────────────────────────────── */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WindowDraft {
  from: string;
  to: string;
}

export interface CalendarDraft {
  timeZone: string;
  week: Record<Weekday, WindowDraft[]>;
  holidays: Holiday[];
}

/** A new calendar starts as the usual hours of Catalan administrations, weekdays 8:00–15:00. */
export function calendarDraft(document?: CalendarDocument): CalendarDraft {
  const usual = (day: Weekday) => (['sat', 'sun'].includes(day) ? [] : [{ from: '08:00', to: '15:00' }]);
  const week = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      document ? (document.week[day] ?? []).map(({ from, to }) => ({ from, to })) : usual(day),
    ]),
  ) as Record<Weekday, WindowDraft[]>;
  return {
    timeZone: document?.timeZone ?? 'Europe/Madrid',
    week,
    holidays: document ? document.holidays.map((holiday) => ({ ...holiday })) : [],
  };
}

/** "8:00", "08.00" or "8h00" as "08:00"; undefined when it is no time of day (`24:00` only as an end). */
export function normalizeTime(value: string, end = false): string | undefined {
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && (minutes > 0 || !end))) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Every window's times, their order, overlaps within a day, and at least one open day. */
export function checkCalendar(draft: CalendarDraft, say: Say, labels: { timeZone: string }): FieldErrors {
  const found: FieldErrors = {};
  if (!draft.timeZone) found.timeZone = say('v.choose', { label: labels.timeZone });
  let open = false;
  for (const day of WEEKDAYS) {
    const valid: { index: number; from: number; to: number }[] = [];
    draft.week[day].forEach((window, index) => {
      const at = `week.${day}.${index}`;
      const from = normalizeTime(window.from);
      const to = normalizeTime(window.to, true);
      if (!from) found[`${at}.from`] = say('check.time');
      if (!to) found[`${at}.to`] = say('check.timeTo');
      if (!from || !to) return;
      if (minutesOf(from) >= minutesOf(to)) found[`${at}.to`] = say('check.order');
      else valid.push({ index, from: minutesOf(from), to: minutesOf(to) });
    });
    valid.sort((a, b) => a.from - b.from);
    valid.forEach((window, i) => {
      const before = valid[i - 1];
      if (before && window.from < before.to) found[`week.${day}.${window.index}.from`] = say('check.overlap');
    });
    if (draft.week[day].length > 0) open = true;
  }
  if (!open) found.week = say('check.allClosed');
  return found;
}

/** The document to send: closed days left out, times written "HH:MM". */
export function calendarBody(draft: CalendarDraft): CalendarDocument {
  const week: CalendarDocument['week'] = {};
  for (const day of WEEKDAYS) {
    const windows = draft.week[day].map(({ from, to }) => ({
      from: normalizeTime(from) ?? from.trim(),
      to: normalizeTime(to, true) ?? to.trim(),
    }));
    if (windows.length > 0) week[day] = windows;
  }
  return { timeZone: draft.timeZone, week, holidays: draft.holidays };
}

export interface HolidayDraft {
  kind: 'day' | 'range';
  date: string;
  yearly: boolean;
  from: string;
  to: string;
}

export const EMPTY_HOLIDAY: HolidayDraft = { kind: 'day', date: '', yearly: false, from: '', to: '' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export const holidayOf = (draft: HolidayDraft): Holiday =>
  draft.kind === 'day'
    ? { date: draft.date, ...(draft.yearly ? { yearly: true } : {}) }
    : { from: draft.from, to: draft.to };

const sameHoliday = (a: Holiday, b: Holiday) =>
  'date' in a && 'date' in b
    ? a.date === b.date && !!a.yearly === !!b.yearly
    : 'from' in a && 'from' in b && a.from === b.from && a.to === b.to;

/** A holiday about to be added: real dates, a range in order, not in the list already. */
export function checkHoliday(draft: HolidayDraft, holidays: readonly Holiday[], say: Say): FieldErrors {
  const found: FieldErrors = {};
  if (draft.kind === 'day') {
    if (!isDate(draft.date)) found['holiday.date'] = say('check.date');
  } else {
    if (!isDate(draft.from)) found['holiday.from'] = say('check.date');
    if (!isDate(draft.to)) found['holiday.to'] = say('check.date');
    else if (isDate(draft.from) && draft.to < draft.from) found['holiday.to'] = say('check.rangeOrder');
  }
  if (Object.keys(found).length === 0 && holidays.some((holiday) => sameHoliday(holiday, holidayOf(draft)))) {
    found[draft.kind === 'day' ? 'holiday.date' : 'holiday.from'] = say('check.holidayTwice');
  }
  return found;
}

/* ─── SLA policy ────────────────────────────────────────────────────────── */

/** Business time as people think of it: minutes, hours (sent as minutes) or business days. */
export type Unit = 'minutes' | 'hours' | 'days';

export interface CommitmentDraft {
  amount: string;
  unit: Unit;
  /** Days only: due at that business day's closing time. */
  endOfDay: boolean;
}

export interface Targets {
  firstResponse: CommitmentDraft;
  resolution: CommitmentDraft;
}

export interface TopicRuleDraft extends Targets {
  /** Stable across additions and removals, for the list's keys. */
  key: number;
  topicId: string;
  priority: Priority | '';
}

export interface PolicyDraft {
  /** The rule with no priority or topic: every ticket gets at least these. */
  base: Targets;
  /** A priority's own targets, or null when it takes the default's. */
  priorities: Record<Priority, Targets | null>;
  topicRules: TopicRuleDraft[];
  warnAtPercent: string;
}

const MAX_MINUTES = 365 * 24 * 60;

export function commitmentDraft(commitment: Commitment): CommitmentDraft {
  if ('days' in commitment) return { amount: String(commitment.days), unit: 'days', endOfDay: !!commitment.endOfDay };
  const hours = commitment.minutes % 60 === 0;
  return {
    amount: String(hours ? commitment.minutes / 60 : commitment.minutes),
    unit: hours ? 'hours' : 'minutes',
    endOfDay: false,
  };
}

export function commitmentOf(draft: CommitmentDraft): Commitment {
  const amount = Number(draft.amount.trim());
  if (draft.unit === 'days') return { days: amount, ...(draft.endOfDay ? { endOfDay: true } : {}) };
  return { minutes: draft.unit === 'hours' ? amount * 60 : amount };
}

const targetsOf = (rule: SlaRule): Targets => ({
  firstResponse: commitmentDraft(rule.firstResponse),
  resolution: commitmentDraft(rule.resolution),
});

/** "Same or next business day" and a week, as the demo catalogues start. */
export const DEFAULT_TARGETS: Targets = {
  firstResponse: { amount: '1', unit: 'days', endOfDay: true },
  resolution: { amount: '5', unit: 'days', endOfDay: false },
};

export function policyDraft(policy?: SlaPolicy): PolicyDraft {
  const rules = policy?.rules ?? [];
  const base = rules.find((rule) => !rule.priority && !rule.topicId);
  const priorities = Object.fromEntries(
    PRIORITIES.map((priority) => {
      const rule = rules.find((candidate) => candidate.priority === priority && !candidate.topicId);
      return [priority, rule ? targetsOf(rule) : null];
    }),
  ) as Record<Priority, Targets | null>;
  return {
    base: base ? targetsOf(base) : structuredClone(DEFAULT_TARGETS),
    priorities,
    topicRules: rules
      .filter((rule) => rule.topicId)
      .map((rule, key) => ({ key, topicId: rule.topicId ?? '', priority: rule.priority ?? '', ...targetsOf(rule) })),
    warnAtPercent: String(policy?.warnAtPercent ?? 75),
  };
}

/**
 * Where each part of the form lands in the document's `rules`: the default first, then the
 * priorities with targets of their own, then the topics' rules. The API's `rules.3.…` errors
 * find their control by it.
 */
export function policyLayout(draft: PolicyDraft): {
  base: string;
  priorities: Partial<Record<Priority, string>>;
  topicRules: string[];
} {
  let index = 1;
  const priorities: Partial<Record<Priority, string>> = {};
  for (const priority of PRIORITIES) if (draft.priorities[priority]) priorities[priority] = `rules.${index++}`;
  return { base: 'rules.0', priorities, topicRules: draft.topicRules.map(() => `rules.${index++}`) };
}

export function policyBody(draft: PolicyDraft): SlaPolicy {
  const rule = (targets: Targets) => ({
    firstResponse: commitmentOf(targets.firstResponse),
    resolution: commitmentOf(targets.resolution),
  });
  const rules: SlaRule[] = [rule(draft.base)];
  for (const priority of PRIORITIES) {
    const targets = draft.priorities[priority];
    if (targets) rules.push({ priority, ...rule(targets) });
  }
  for (const topicRule of draft.topicRules) {
    rules.push({
      ...(topicRule.priority ? { priority: topicRule.priority } : {}),
      topicId: topicRule.topicId,
      ...rule(topicRule),
    });
  }
  return { rules, warnAtPercent: Number(draft.warnAtPercent.trim()) };
}

/** A whole number in a range, else the message. */
function wholeIn(value: string, min: number, max: number, say: Say): string | undefined {
  if (!/^\d+$/.test(value.trim())) return say('check.whole');
  const number = Number(value.trim());
  return number < min || number > max ? say('check.between', { min, max }) : undefined;
}

function checkCommitment(path: string, draft: CommitmentDraft, say: Say, found: FieldErrors): void {
  const [min, max] =
    draft.unit === 'days' ? [0, 365] : draft.unit === 'hours' ? [1, MAX_MINUTES / 60] : [1, MAX_MINUTES];
  const problem = wholeIn(draft.amount, min, max, say);
  if (problem) found[path] = problem;
}

export function checkPolicy(draft: PolicyDraft, say: Say, labels: { topic: string }): FieldErrors {
  const found: FieldErrors = {};
  const layout = policyLayout(draft);
  const targets = (path: string, value: Targets) => {
    checkCommitment(`${path}.firstResponse`, value.firstResponse, say, found);
    checkCommitment(`${path}.resolution`, value.resolution, say, found);
  };
  targets(layout.base, draft.base);
  for (const priority of PRIORITIES) {
    const value = draft.priorities[priority];
    const path = layout.priorities[priority];
    if (value && path) targets(path, value);
  }
  const seen = new Set<string>();
  draft.topicRules.forEach((rule, index) => {
    const path = layout.topicRules[index] as string;
    if (!rule.topicId) found[`${path}.topicId`] = say('v.choose', { label: labels.topic });
    else {
      const key = `${rule.topicId} ${rule.priority}`;
      if (seen.has(key)) found[`${path}.topicId`] = say('check.ruleTwice');
      seen.add(key);
    }
    targets(path, rule);
  });
  const warn = wholeIn(draft.warnAtPercent, 1, 99, say);
  if (warn) found.warnAtPercent = warn;
  return found;
}
