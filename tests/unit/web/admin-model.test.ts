import { describe, expect, it } from 'vitest';
import {
  type CalendarDraft,
  calendarBody,
  calendarDraft,
  checkCalendar,
  checkHoliday,
  checkLocalized,
  checkPolicy,
  checkTeam,
  commitmentDraft,
  commitmentOf,
  EMPTY_HOLIDAY,
  holidayOf,
  isDate,
  isSlug,
  normalizeTime,
  policyBody,
  policyDraft,
  policyLayout,
  relocate,
  type SlaPolicy,
  type TeamDraft,
  teamBody,
} from '../../../web/src/screens/admin/model';

/** The message key and its parameters, so the tests read which rule spoke. */
const say = (key: string, params?: Record<string, string | number>) =>
  params ? `${key} ${JSON.stringify(params)}` : key;
const NAME_LABELS = { ca: 'Nom (català)', es: 'Nom (castellà)', oc: 'Nom (aranès)', en: 'Nom (anglès)' };
const TEAM_LABELS = { id: 'Identificador', level: 'Nivell', assignment: 'Assignació', name: NAME_LABELS };
const NAMES = { ca: 'Formació', es: 'Formación', oc: 'Formacion', en: 'Training' };

describe('teams', () => {
  it('takes ids of lower-case letters, digits and single dashes only', () => {
    expect(isSlug('hestia-training-2')).toBe(true);
    for (const id of ['', 'Hestia', 'hestia--x', '-hestia', 'hestia-', 'formació', 'a b'])
      expect(isSlug(id)).toBe(false);
  });

  it('asks for the id of a new team, every name, the level and the assignment', () => {
    const draft: TeamDraft = { id: 'hestia-', name: { ...NAMES, oc: '  ' }, level: '', assignment: 'manual' };
    expect(checkTeam(draft, true, TEAM_LABELS, say)).toEqual({
      id: 'check.slug',
      'name.oc': 'v.required {"label":"Nom (aranès)"}',
      level: 'v.choose {"label":"Nivell"}',
    });
    // An existing team keeps its id: it is not checked again.
    expect(checkTeam({ ...draft, name: NAMES, level: '2' }, false, TEAM_LABELS, say)).toEqual({});
  });

  it('counts a name’s length in characters, as the API does', () => {
    const long = { ...NAMES, en: '€'.repeat(201) };
    expect(checkLocalized('name', long, NAME_LABELS, say)).toEqual({
      'name.en': 'check.tooLong {"label":"Nom (anglès)","n":200}',
    });
    expect(checkLocalized('name', { ...NAMES, en: '€'.repeat(200) }, NAME_LABELS, say)).toEqual({});
  });

  it('sends the names trimmed, the level as a number, in the organisation', () => {
    const draft: TeamDraft = { id: 'x', name: { ...NAMES, ca: ' Formació ' }, level: '2', assignment: 'automatic' };
    expect(teamBody(draft, 'hestia')).toEqual({
      organisationId: 'hestia',
      name: NAMES,
      level: 2,
      assignment: 'automatic',
    });
  });
});

describe('the calendar', () => {
  const stored = {
    timeZone: 'Europe/Madrid',
    week: { mon: [{ from: '08:00', to: '15:00' }], sat: [] },
    holidays: [
      { date: '2026-06-24', yearly: true },
      { from: '2026-08-10', to: '2026-08-14' },
    ],
  };

  it('reads a stored calendar as a draft with every weekday, and sends it back unchanged', () => {
    const draft = calendarDraft(stored);
    expect(draft.week.tue).toEqual([]);
    expect(draft.week.mon).toEqual([{ from: '08:00', to: '15:00' }]);
    // Closed days are left out, not sent as empty lists.
    expect(calendarBody(draft)).toEqual({ ...stored, week: { mon: [{ from: '08:00', to: '15:00' }] } });
  });

  it('starts a new calendar with weekdays from 8:00 to 15:00, in Madrid time', () => {
    const draft = calendarDraft();
    expect(draft.timeZone).toBe('Europe/Madrid');
    expect(draft.week.fri).toEqual([{ from: '08:00', to: '15:00' }]);
    expect(draft.week.sun).toEqual([]);
    expect(draft.holidays).toEqual([]);
  });

  it('writes times as HH:MM, allowing 24:00 only as a closing time', () => {
    expect(normalizeTime('8:00')).toBe('08:00');
    expect(normalizeTime('15.30')).toBe('15:30');
    expect(normalizeTime('9h05')).toBe('09:05');
    expect(normalizeTime('24:00')).toBeUndefined();
    expect(normalizeTime('24:00', true)).toBe('24:00');
    for (const wrong of ['25:00', '12:60', '1200', 'noon', '']) expect(normalizeTime(wrong, true)).toBeUndefined();
  });

  it('finds bad times, windows that close before they open, overlaps, and a week with no opening', () => {
    const draft: CalendarDraft = calendarDraft();
    draft.week.mon = [
      { from: '08:00', to: '15:00' },
      { from: '14:00', to: '18:00' },
    ];
    draft.week.tue = [{ from: '16:00', to: '09:00' }];
    draft.week.wed = [{ from: '8', to: '25:00' }];
    expect(checkCalendar(draft, say, { timeZone: 'Zona' })).toEqual({
      'week.mon.1.from': 'check.overlap',
      'week.tue.0.to': 'check.order',
      'week.wed.0.from': 'check.time',
      'week.wed.0.to': 'check.timeTo',
    });
    const closed = calendarDraft({ timeZone: 'Europe/Madrid', week: {}, holidays: [] });
    expect(checkCalendar(closed, say, { timeZone: 'Zona' })).toEqual({ week: 'check.allClosed' });
  });

  it('lets windows touch, and sends 8:00 as 08:00', () => {
    const draft = calendarDraft({ timeZone: 'Atlantic/Canary', week: {}, holidays: [] });
    draft.week.thu = [
      { from: '15:00', to: '24:00' },
      { from: '8:00', to: '15:00' },
    ];
    expect(checkCalendar(draft, say, { timeZone: 'Zona' })).toEqual({});
    expect(calendarBody(draft).week.thu).toEqual([
      { from: '15:00', to: '24:00' },
      { from: '08:00', to: '15:00' },
    ]);
  });

  it('adds a day (yearly or not) or a period, checking the dates and that it is not listed yet', () => {
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    const holidays = stored.holidays;
    expect(holidayOf({ ...EMPTY_HOLIDAY, date: '2031-07-17' })).toEqual({ date: '2031-07-17' });
    expect(holidayOf({ ...EMPTY_HOLIDAY, date: '2031-07-17', yearly: true })).toEqual({
      date: '2031-07-17',
      yearly: true,
    });
    expect(checkHoliday({ ...EMPTY_HOLIDAY, date: '' }, holidays, say)).toEqual({ 'holiday.date': 'check.date' });
    expect(checkHoliday({ ...EMPTY_HOLIDAY, date: '2026-06-24', yearly: true }, holidays, say)).toEqual({
      'holiday.date': 'check.holidayTwice',
    });
    // The same date, but only that year, is another holiday.
    expect(checkHoliday({ ...EMPTY_HOLIDAY, date: '2026-06-24' }, holidays, say)).toEqual({});
    const range = { ...EMPTY_HOLIDAY, kind: 'range' as const, from: '2026-12-24', to: '2026-12-23' };
    expect(checkHoliday(range, holidays, say)).toEqual({ 'holiday.to': 'check.rangeOrder' });
    expect(checkHoliday({ ...range, from: '2026-08-10', to: '2026-08-14' }, holidays, say)).toEqual({
      'holiday.from': 'check.holidayTwice',
    });
    expect(holidayOf({ ...range, to: '2026-12-31' })).toEqual({ from: '2026-12-24', to: '2026-12-31' });
  });
});

describe('the SLA policy', () => {
  const policy: SlaPolicy = {
    rules: [
      { priority: 'P2', firstResponse: { minutes: 120 }, resolution: { days: 1, endOfDay: true } },
      { topicId: 'hestia-incident', firstResponse: { minutes: 45 }, resolution: { days: 2 } },
      { firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } },
      { priority: 'P1', firstResponse: { minutes: 60 }, resolution: { minutes: 420 } },
    ],
    warnAtPercent: 80,
  };

  it('shows whole hours as hours and sends them as minutes', () => {
    expect(commitmentDraft({ minutes: 120 })).toEqual({ amount: '2', unit: 'hours', endOfDay: false });
    expect(commitmentDraft({ minutes: 45 })).toEqual({ amount: '45', unit: 'minutes', endOfDay: false });
    expect(commitmentDraft({ days: 1, endOfDay: true })).toEqual({ amount: '1', unit: 'days', endOfDay: true });
    expect(commitmentOf({ amount: '2', unit: 'hours', endOfDay: true })).toEqual({ minutes: 120 });
    expect(commitmentOf({ amount: '5', unit: 'days', endOfDay: false })).toEqual({ days: 5 });
    expect(commitmentOf({ amount: '0', unit: 'days', endOfDay: true })).toEqual({ days: 0, endOfDay: true });
  });

  it('splits the rules into the default, the priorities and the topics, and sends them back in that order', () => {
    const draft = policyDraft(policy);
    expect(draft.base.resolution).toEqual({ amount: '5', unit: 'days', endOfDay: false });
    expect(draft.priorities.P1?.resolution).toEqual({ amount: '7', unit: 'hours', endOfDay: false });
    expect(draft.priorities.P3).toBeNull();
    expect(draft.topicRules.map((rule) => [rule.topicId, rule.priority])).toEqual([['hestia-incident', '']]);
    expect(policyLayout(draft)).toEqual({
      base: 'rules.0',
      priorities: { P1: 'rules.1', P2: 'rules.2' },
      topicRules: ['rules.3'],
    });
    const body = policyBody(draft);
    expect(body.warnAtPercent).toBe(80);
    expect(body.rules).toEqual([policy.rules[2], policy.rules[3], policy.rules[0], policy.rules[1]]);
  });

  it('starts a new policy with the same or next business day and a week', () => {
    const body = policyBody(policyDraft());
    expect(body).toEqual({
      rules: [{ firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } }],
      warnAtPercent: 75,
    });
  });

  it('checks each amount for its unit, each topic rule’s topic, twins, and the warning share, at their paths', () => {
    const draft = policyDraft(policy);
    draft.base.firstResponse.amount = '1.5';
    if (draft.priorities.P2) draft.priorities.P2.firstResponse = { amount: '8761', unit: 'hours', endOfDay: false };
    draft.topicRules.push({ ...draft.topicRules[0], key: 7 } as (typeof draft.topicRules)[number]);
    draft.topicRules.push({ ...draft.topicRules[0], key: 8, topicId: '' } as (typeof draft.topicRules)[number]);
    draft.warnAtPercent = '100';
    expect(checkPolicy(draft, say, { topic: 'Tema' })).toEqual({
      'rules.0.firstResponse': 'check.whole',
      'rules.2.firstResponse': 'check.between {"min":1,"max":8760}',
      'rules.4.topicId': 'check.ruleTwice',
      'rules.5.topicId': 'v.choose {"label":"Tema"}',
      warnAtPercent: 'check.between {"min":1,"max":99}',
    });
    // Zero days is "by the next opening" (or that day's close): allowed; zero minutes is not.
    const zero = policyDraft(policy);
    zero.base.firstResponse = { amount: '0', unit: 'days', endOfDay: true };
    zero.base.resolution = { amount: '0', unit: 'minutes', endOfDay: false };
    expect(checkPolicy(zero, say, { topic: 'Tema' })).toEqual({
      'rules.0.resolution': 'check.between {"min":1,"max":525600}',
    });
  });
});

describe('the API’s errors on the forms', () => {
  it('moves a path no control has to the control that shows it', () => {
    const moved = relocate(
      [
        { path: 'week.mon.1', message: 'Overlaps the window week.mon.0.' },
        { path: 'week.mon.1.from', message: 'Must be a time.' },
        { path: 'timeZone', message: 'Not a zone.' },
      ],
      [[/^week\.(\w+)\.(\d+)$/, 'week.$1.$2.to']],
    );
    expect(moved.map((error) => error.path)).toEqual(['week.mon.1.to', 'week.mon.1.from', 'timeZone']);
  });
});
