import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  addBusinessTime as add,
  businessTimeBetween as between,
  type Calendar,
  calendarProblems,
  InvalidCalendar,
  MAX_CLOSED_DAYS,
} from '../../../functions/sla/domain/calendar';
import { CATALAN_HOLIDAYS, DEMO_CALENDARS } from '../../../lib/local/demo-calendars';

/** Counts time-zone look-ups, to prove long durations are not walked minute by minute. */
const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock('@date-fns/tz/tzOffset', async (importOriginal) => {
  const original = await importOriginal<typeof import('@date-fns/tz/tzOffset')>();
  return {
    tzOffset: (...args: Parameters<typeof original.tzOffset>) => {
      lookups.count++;
      return original.tzOffset(...args);
    },
  };
});

/** An instant written with its offset, so every expectation says which side of a DST change it is on. */
const at = (iso: string) => new Date(iso);
const minutes = (m: number) => ({ minutes: m });

type Windows = { from: string; to: string }[];
const w = (from: string, to: string) => ({ from, to });
const weekdays = (...windows: Windows): Calendar['week'] => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
});
const madrid = (week: Calendar['week'], holidays: Calendar['holidays'] = []): Calendar => ({
  timeZone: 'Europe/Madrid',
  week,
  holidays,
});

// 9–15 March 2026 is Monday to Sunday, Central European (winter) time, +01:00; no holidays.
const office = madrid(weekdays(w('08:00', '15:00')));
/** The provincial council's two-window day: 8:00–14:00 and 15:00–17:30. */
const split = madrid(weekdays(w('08:00', '14:00'), w('15:00', '17:30')));
/** Office hours plus a Sunday night window straddling the 02:00–03:00 DST hour. */
const night = madrid({ ...weekdays(w('08:00', '15:00')), sun: [w('01:00', '04:00')] });
const sundayNights = madrid({ sun: [w('01:00', '04:00')] });
const callback = DEMO_CALENDARS['oac360-callback'] as Calendar;
const officeHours = DEMO_CALENDARS['office-hours'] as Calendar;

describe('adding business minutes', () => {
  it('adds inside the same window', () => {
    expect(add(office, at('2026-03-09T09:00+01:00'), minutes(60))).toEqual(at('2026-03-09T10:00+01:00'));
  });

  it('carries what is left at closing time over to the next opening', () => {
    expect(add(office, at('2026-03-09T14:30+01:00'), minutes(60))).toEqual(at('2026-03-10T08:30+01:00'));
  });

  it('counts from the next opening when filed on a Saturday', () => {
    expect(add(office, at('2026-03-14T10:00+01:00'), minutes(60))).toEqual(at('2026-03-16T09:00+01:00'));
  });

  it('counts from the opening when filed before opening hours', () => {
    expect(add(office, at('2026-03-09T07:00+01:00'), minutes(30))).toEqual(at('2026-03-09T08:30+01:00'));
  });

  it('counts from the next day when filed after closing time', () => {
    expect(add(office, at('2026-03-09T18:00+01:00'), minutes(30))).toEqual(at('2026-03-10T08:30+01:00'));
  });

  it('treats the closing instant itself as closed', () => {
    expect(add(office, at('2026-03-09T15:00+01:00'), minutes(30))).toEqual(at('2026-03-10T08:30+01:00'));
  });

  it('treats the opening instant as open', () => {
    expect(add(office, at('2026-03-09T08:00+01:00'), minutes(30))).toEqual(at('2026-03-09T08:30+01:00'));
  });

  it('gives the next opening when adding nothing to a closed instant, and the instant itself when open', () => {
    expect(add(office, at('2026-03-14T10:00+01:00'), minutes(0))).toEqual(at('2026-03-16T08:00+01:00'));
    expect(add(office, at('2026-03-09T15:00+01:00'), minutes(0))).toEqual(at('2026-03-10T08:00+01:00'));
    expect(add(office, at('2026-03-09T11:11:11.111+01:00'), minutes(0))).toEqual(at('2026-03-09T11:11:11.111+01:00'));
    expect(add(office, at('2026-03-09T08:00+01:00'), minutes(0))).toEqual(at('2026-03-09T08:00+01:00'));
  });

  it('ends at the closing time, not the next opening, when the time runs out exactly then', () => {
    expect(add(office, at('2026-03-09T14:00+01:00'), minutes(60))).toEqual(at('2026-03-09T15:00+01:00'));
    expect(add(office, at('2026-03-09T08:00+01:00'), minutes(420))).toEqual(at('2026-03-09T15:00+01:00'));
    expect(add(split, at('2026-03-09T13:00+01:00'), minutes(60))).toEqual(at('2026-03-09T14:00+01:00'));
  });

  it('keeps seconds and milliseconds, and accepts fractional minutes', () => {
    expect(add(office, at('2026-03-09T09:00:30.250+01:00'), minutes(1.5))).toEqual(at('2026-03-09T09:02:00.250+01:00'));
  });

  it('skips the break between two windows of a day', () => {
    expect(add(split, at('2026-03-09T13:30+01:00'), minutes(60))).toEqual(at('2026-03-09T15:30+01:00'));
    expect(add(split, at('2026-03-09T14:30+01:00'), minutes(60))).toEqual(at('2026-03-09T16:00+01:00'));
    expect(add(split, at('2026-03-09T17:00+01:00'), minutes(60))).toEqual(at('2026-03-10T08:30+01:00'));
  });

  it('reads several windows of a day in any order, and touching windows as one', () => {
    const shuffled = madrid(weekdays(w('15:00', '17:30'), w('08:00', '14:00')));
    expect(add(shuffled, at('2026-03-09T13:30+01:00'), minutes(60))).toEqual(at('2026-03-09T15:30+01:00'));
    const touching = madrid(weekdays(w('08:00', '14:00'), w('14:00', '20:00')));
    expect(add(touching, at('2026-03-09T13:00+01:00'), minutes(120))).toEqual(at('2026-03-09T15:00+01:00'));
    expect(add(touching, at('2026-03-09T14:00+01:00'), minutes(0))).toEqual(at('2026-03-09T14:00+01:00'));
  });

  it('skips weekends', () => {
    expect(add(office, at('2026-03-13T14:00+01:00'), minutes(120))).toEqual(at('2026-03-16T09:00+01:00'));
  });

  it('opens on weekend days that have windows', () => {
    const saturdays = madrid({ ...weekdays(w('08:00', '15:00')), sat: [w('10:00', '13:00')] });
    expect(add(saturdays, at('2026-03-13T14:00+01:00'), minutes(120))).toEqual(at('2026-03-14T11:00+01:00'));
  });

  it('skips a single-date holiday', () => {
    const cal = madrid(weekdays(w('08:00', '15:00')), [{ date: '2026-03-10' }]);
    expect(add(cal, at('2026-03-09T14:00+01:00'), minutes(120))).toEqual(at('2026-03-11T09:00+01:00'));
  });

  it('skips a yearly holiday in any year, whatever year it was written with', () => {
    const cal = madrid(weekdays(w('08:00', '15:00')), [{ date: '2019-12-08', yearly: true }]);
    // 8 December is a Tuesday in 2026 and a Wednesday in 2027.
    expect(add(cal, at('2026-12-07T14:00+01:00'), minutes(120))).toEqual(at('2026-12-09T09:00+01:00'));
    expect(add(cal, at('2027-12-07T14:00+01:00'), minutes(120))).toEqual(at('2027-12-09T09:00+01:00'));
  });

  it('keeps a yearly 29 February to leap years', () => {
    const cal = madrid(weekdays(w('08:00', '15:00')), [{ date: '2024-02-29', yearly: true }]);
    // 29 February 2028 is a Tuesday; in 2027, 1 March is a Monday and open.
    expect(add(cal, at('2028-02-28T14:00+01:00'), minutes(120))).toEqual(at('2028-03-01T09:00+01:00'));
    expect(add(cal, at('2027-02-26T14:00+01:00'), minutes(120))).toEqual(at('2027-03-01T09:00+01:00'));
  });

  it('skips a holiday range, inclusive of both ends, across the new year', () => {
    const cal = madrid(weekdays(w('08:00', '15:00')), [{ from: '2026-12-24', to: '2027-01-06' }]);
    expect(add(cal, at('2026-12-23T14:00+01:00'), minutes(120))).toEqual(at('2027-01-07T09:00+01:00'));
    expect(between(cal, at('2026-12-23T00:00+01:00'), at('2027-01-08T00:00+01:00'))).toBe(2 * 420);
  });

  it('skips overlapping holidays of every kind', () => {
    const cal = madrid(weekdays(w('08:00', '15:00')), [
      { from: '2026-03-10', to: '2026-03-12' },
      { from: '2026-03-11', to: '2026-03-13' },
      { date: '2026-03-16' },
      { date: '2026-03-17', yearly: true },
    ]);
    expect(add(cal, at('2026-03-09T14:00+01:00'), minutes(120))).toEqual(at('2026-03-18T09:00+01:00'));
  });

  it('skips Catalonia’s Easter holidays in the demo calendars', () => {
    // Good Friday 3 April and Easter Monday 6 April 2026.
    expect(add(officeHours, at('2026-04-02T14:00+02:00'), minutes(120))).toEqual(at('2026-04-07T09:00+02:00'));
    // Good Friday 26 March and Easter Monday 29 March 2027.
    expect(add(officeHours, at('2027-03-25T14:00+01:00'), minutes(120))).toEqual(at('2027-03-30T09:00+02:00'));
  });

  it('keeps office hours in local time across a DST change', () => {
    // The weekend of 28–29 March 2026 moves Madrid from +01:00 to +02:00.
    expect(add(office, at('2026-03-27T14:00+01:00'), minutes(120))).toEqual(at('2026-03-30T09:00+02:00'));
    expect(add(office, at('2026-10-23T14:00+02:00'), minutes(120))).toEqual(at('2026-10-26T09:00+01:00'));
  });

  it('works in the calendar’s own time zone', () => {
    const canary: Calendar = { timeZone: 'Atlantic/Canary', week: weekdays(w('08:00', '15:00')), holidays: [] };
    expect(add(canary, at('2026-03-09T07:30Z'), minutes(0))).toEqual(at('2026-03-09T08:00Z'));
    expect(add(office, at('2026-03-09T07:30Z'), minutes(0))).toEqual(at('2026-03-09T07:30Z'));
    const sydney: Calendar = { timeZone: 'Australia/Sydney', week: weekdays(w('09:00', '17:00')), holidays: [] };
    // Sydney leaves daylight time on 5 April 2026 (+11:00 → +10:00).
    expect(add(sydney, at('2026-04-03T16:00+11:00'), minutes(120))).toEqual(at('2026-04-06T10:00+10:00'));
  });
});

describe('real elapsed time across DST changes (Europe/Madrid)', () => {
  it('holds 2 real hours in a 01:00–04:00 window on the night clocks go forward', () => {
    // 29 March 2026: 02:00 +01:00 becomes 03:00 +02:00.
    expect(add(night, at('2026-03-29T01:00+01:00'), minutes(120))).toEqual(at('2026-03-29T04:00+02:00'));
    expect(add(night, at('2026-03-29T01:00+01:00'), minutes(121))).toEqual(at('2026-03-30T08:01+02:00'));
    expect(between(night, at('2026-03-28T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(120);
    expect(add(night, at('2026-03-29T01:30+01:00'), minutes(60))).toEqual(at('2026-03-29T03:30+02:00'));
  });

  it('holds 4 real hours in a 01:00–04:00 window on the night clocks go back', () => {
    // 25 October 2026: 03:00 +02:00 becomes 02:00 +01:00, so 02:00–03:00 happens twice.
    expect(add(night, at('2026-10-25T01:00+02:00'), minutes(240))).toEqual(at('2026-10-25T04:00+01:00'));
    expect(add(night, at('2026-10-25T01:00+02:00'), minutes(150))).toEqual(at('2026-10-25T02:30+01:00'));
    expect(between(night, at('2026-10-24T00:00+02:00'), at('2026-10-26T00:00+01:00'))).toBe(240);
  });

  it('holds 3 hours on ordinary Sundays', () => {
    expect(between(night, at('2026-03-22T00:00+01:00'), at('2026-03-23T00:00+01:00'))).toBe(180);
  });

  it('opens a window whose opening time is skipped at the moment the clocks jump', () => {
    const cal = madrid({ sun: [w('02:30', '05:00')] });
    expect(add(cal, at('2026-03-29T00:00+01:00'), minutes(0))).toEqual(at('2026-03-29T03:00+02:00'));
    expect(between(cal, at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(120);
  });

  it('gives no time to a window that lies wholly in the skipped hour', () => {
    const cal = madrid({ sun: [w('02:15', '02:45')] });
    expect(between(cal, at('2026-03-28T00:00+01:00'), at('2026-03-30T00:00+02:00'))).toBe(0);
    expect(add(cal, at('2026-03-29T00:00+01:00'), minutes(0))).toEqual(at('2026-04-05T02:15+02:00'));
  });

  it('reads a boundary in the repeated hour as its first occurrence', () => {
    const cal = madrid({ sun: [w('01:00', '02:30')] });
    expect(between(cal, at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'))).toBe(90);
    expect(add(cal, at('2026-10-25T01:00+02:00'), minutes(90))).toEqual(at('2026-10-25T02:30+02:00'));
  });
});

describe('adding business days', () => {
  it('is the same local time n business days later', () => {
    expect(add(office, at('2026-03-09T10:00+01:00'), { days: 1 })).toEqual(at('2026-03-10T10:00+01:00'));
    expect(add(office, at('2026-03-09T10:00+01:00'), { days: 4 })).toEqual(at('2026-03-13T10:00+01:00'));
  });

  it('skips weekends and holidays', () => {
    expect(add(office, at('2026-03-13T10:00+01:00'), { days: 1 })).toEqual(at('2026-03-16T10:00+01:00'));
    expect(add(officeHours, at('2026-04-02T10:00+02:00'), { days: 1 })).toEqual(at('2026-04-07T10:00+02:00'));
  });

  it('keeps the local time across a DST change, so the real hours differ', () => {
    expect(add(office, at('2026-03-27T10:00+01:00'), { days: 1 })).toEqual(at('2026-03-30T10:00+02:00'));
  });

  it('first moves a start in a closed instant to the next opening', () => {
    expect(add(office, at('2026-03-14T11:00+01:00'), { days: 1 })).toEqual(at('2026-03-17T08:00+01:00'));
    expect(add(office, at('2026-03-09T15:00+01:00'), { days: 1 })).toEqual(at('2026-03-11T08:00+01:00'));
    expect(add(split, at('2026-03-09T14:30+01:00'), { days: 1 })).toEqual(at('2026-03-10T15:00+01:00'));
  });

  it('is the start itself, or the next opening, for zero days', () => {
    expect(add(office, at('2026-03-09T10:00+01:00'), { days: 0 })).toEqual(at('2026-03-09T10:00+01:00'));
    expect(add(office, at('2026-03-14T10:00+01:00'), { days: 0 })).toEqual(at('2026-03-16T08:00+01:00'));
  });

  describe('clamps the same local time into the due day’s windows', () => {
    const uneven = madrid({
      mon: [w('08:00', '15:00')],
      tue: [w('10:00', '14:00'), w('15:00', '17:00')],
      wed: [w('08:00', '12:00')],
    });

    it('to the first opening when the day opens later', () => {
      expect(add(uneven, at('2026-03-09T09:00+01:00'), { days: 1 })).toEqual(at('2026-03-10T10:00+01:00'));
    });

    it('to the closing before it when the time falls in a break', () => {
      expect(add(uneven, at('2026-03-09T14:30+01:00'), { days: 1 })).toEqual(at('2026-03-10T14:00+01:00'));
    });

    it('to the closing time when the day closes earlier', () => {
      expect(add(uneven, at('2026-03-10T16:30+01:00'), { days: 1 })).toEqual(at('2026-03-11T12:00+01:00'));
      expect(add(uneven, at('2026-03-09T14:30+01:00'), { days: 2 })).toEqual(at('2026-03-11T12:00+01:00'));
    });

    it('to the jump when the local time does not exist that day', () => {
      expect(add(sundayNights, at('2026-03-22T02:30+01:00'), { days: 1 })).toEqual(at('2026-03-29T03:00+02:00'));
    });

    it('to the first occurrence when the local time happens twice that day', () => {
      expect(add(sundayNights, at('2026-10-18T02:30+02:00'), { days: 1 })).toEqual(at('2026-10-25T02:30+02:00'));
    });
  });

  describe('to the end of the day', () => {
    it('answers "the same or the next business day" with { days: 1, endOfDay: true }', () => {
      const nextDay = { days: 1, endOfDay: true };
      expect(add(callback, at('2026-03-09T10:00+01:00'), nextDay)).toEqual(at('2026-03-10T20:00+01:00'));
      expect(add(callback, at('2026-03-13T10:00+01:00'), nextDay)).toEqual(at('2026-03-16T20:00+01:00'));
      // After hours, or at the weekend, the request counts from the next opening.
      expect(add(callback, at('2026-03-09T21:00+01:00'), nextDay)).toEqual(at('2026-03-11T20:00+01:00'));
      expect(add(callback, at('2026-03-14T12:00+01:00'), nextDay)).toEqual(at('2026-03-17T20:00+01:00'));
    });

    it('is the last closing of a day with several windows', () => {
      expect(add(split, at('2026-03-09T09:00+01:00'), { days: 1, endOfDay: true })).toEqual(
        at('2026-03-10T17:30+01:00'),
      );
    });

    it('with zero days is the end of the current business day', () => {
      const today = { days: 0, endOfDay: true };
      expect(add(callback, at('2026-03-09T10:00+01:00'), today)).toEqual(at('2026-03-09T20:00+01:00'));
      expect(add(split, at('2026-03-09T07:00+01:00'), today)).toEqual(at('2026-03-09T17:30+01:00'));
      expect(add(split, at('2026-03-09T14:30+01:00'), today)).toEqual(at('2026-03-09T17:30+01:00'));
    });

    it('with zero days is the end of the next business day when today is closed or over', () => {
      const today = { days: 0, endOfDay: true };
      expect(add(callback, at('2026-03-09T20:00+01:00'), today)).toEqual(at('2026-03-10T20:00+01:00'));
      expect(add(callback, at('2026-03-14T10:00+01:00'), today)).toEqual(at('2026-03-16T20:00+01:00'));
      expect(add(officeHours, at('2026-04-03T10:00+02:00'), today)).toEqual(at('2026-04-07T15:00+02:00'));
    });
  });

  it('counts 60 business days past weekends, Easter and a DST change', () => {
    // From Monday 12 January 2026: 12 weeks of weekdays, plus Good Friday and Easter Monday.
    expect(add(officeHours, at('2026-01-12T10:00+01:00'), { days: 60 })).toEqual(at('2026-04-08T10:00+02:00'));
    expect(add(officeHours, at('2026-01-12T10:00+01:00'), { days: 60, endOfDay: true })).toEqual(
      at('2026-04-08T15:00+02:00'),
    );
  });
});

describe('business time between two instants', () => {
  it('is 0 when the end is not after the start', () => {
    expect(between(office, at('2026-03-09T10:00+01:00'), at('2026-03-09T10:00+01:00'))).toBe(0);
    expect(between(office, at('2026-03-09T12:00+01:00'), at('2026-03-09T10:00+01:00'))).toBe(0);
  });

  it('counts only open minutes', () => {
    expect(between(office, at('2026-03-09T07:00+01:00'), at('2026-03-09T09:30+01:00'))).toBe(90);
    expect(between(office, at('2026-03-13T14:00+01:00'), at('2026-03-16T09:00+01:00'))).toBe(120);
    expect(between(split, at('2026-03-09T13:30+01:00'), at('2026-03-09T15:30+01:00'))).toBe(60);
    expect(between(office, at('2026-03-14T00:00+01:00'), at('2026-03-16T00:00+01:00'))).toBe(0);
  });

  it('counts a whole office week as 35 hours', () => {
    expect(between(office, at('2026-03-09T00:00+01:00'), at('2026-03-16T00:00+01:00'))).toBe(35 * 60);
    expect(between(split, at('2026-03-09T00:00+01:00'), at('2026-03-16T00:00+01:00'))).toBe(5 * 8.5 * 60);
  });

  it('is fractional for instants with seconds', () => {
    expect(between(office, at('2026-03-09T09:00:00+01:00'), at('2026-03-09T09:00:30+01:00'))).toBe(0.5);
    expect(between(office, at('2026-03-09T14:59:45+01:00'), at('2026-03-10T08:00:15+01:00'))).toBe(0.5);
  });

  it('undoes adding minutes', () => {
    const start = at('2026-03-09T10:17+01:00');
    expect(between(office, start, add(office, start, minutes(10_000)))).toBe(10_000);
  });
});

describe('long durations', () => {
  beforeEach(() => {
    lookups.count = 0;
  });

  it('adds 10 000 business minutes with a few time-zone look-ups per day, not per minute', () => {
    // 23 office days of 420 minutes, then 340 minutes into the 24th (Thursday 12 February).
    expect(add(officeHours, at('2026-01-12T08:00+01:00'), minutes(10_000))).toEqual(at('2026-02-12T13:40+01:00'));
    expect(lookups.count).toBeLessThan(100);
  });

  it('walks a year of business time quickly, DST changes included', () => {
    const start = at('2026-01-12T08:00+01:00');
    const due = add(officeHours, start, minutes(100_000));
    expect(lookups.count).toBeLessThan(600);
    expect(between(officeHours, start, due)).toBe(100_000);
  });

  it('counts 60 business days with a few look-ups per day', () => {
    add(officeHours, at('2026-01-12T10:00+01:00'), { days: 60 });
    expect(lookups.count).toBeLessThan(200);
  });

  it('jumps over a long holiday range in one step', () => {
    const cal = madrid(weekdays(w('08:00', '15:00')), [{ from: '2026-03-10', to: '2028-03-10' }]);
    expect(add(cal, at('2026-03-09T14:00+01:00'), minutes(120))).toEqual(at('2028-03-13T09:00+01:00'));
    expect(lookups.count).toBeLessThan(30);
  });
});

/* ------------------------------------------------------------------------------------------------
 * A slow reference: every minute of a period marked open or closed from Intl's local wall clock,
 * read independently of the engine, and counted.
 * ---------------------------------------------------------------------------------------------- */

const MINUTE = 60_000;
const WEEKDAY_KEYS = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' } as const;

function reference(calendar: Calendar, fromIso: string, toIso: string) {
  const start = Date.parse(fromIso);
  const count = (Date.parse(toIso) - start) / MINUTE;
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: calendar.timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const isHoliday = (date: string) =>
    calendar.holidays.some((h) =>
      'date' in h ? (h.yearly ? h.date.slice(5) === date.slice(5) : h.date === date) : h.from <= date && date <= h.to,
    );
  const open: boolean[] = [];
  for (let i = 0; i < count; i++) {
    const parts = Object.fromEntries(format.formatToParts(start + i * MINUTE).map((p) => [p.type, p.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const time = `${parts.hour}:${parts.minute}`;
    const windows = calendar.week[WEEKDAY_KEYS[parts.weekday as keyof typeof WEEKDAY_KEYS]] ?? [];
    open.push(!isHoliday(date) && windows.some((window) => window.from <= time && time < window.to));
  }
  const before = [0];
  for (const isOpen of open) before.push((before.at(-1) ?? 0) + (isOpen ? 1 : 0));
  const index = (instant: Date) => (instant.getTime() - start) / MINUTE;
  return {
    start,
    count,
    isOpen: (instant: Date) => open[index(instant)] === true,
    between: (from: Date, to: Date) => (to <= from ? 0 : (before[index(to)] ?? 0) - (before[index(from)] ?? 0)),
    add: (from: Date, m: number) => {
      const i = index(from);
      const base = before[i] ?? 0;
      for (let k = i; k < count; k++) {
        if (m === 0 ? open[k] : (before[k + 1] ?? 0) - base === m)
          return new Date(start + (m === 0 ? k : k + 1) * MINUTE);
      }
      throw new Error('past the end of the reference period');
    },
  };
}

/** Two windows on weekdays, a short Friday, a Sunday night across the DST hour, Catalan holidays and a Christmas closure. */
const mixed: Calendar = madrid(
  {
    mon: [w('08:00', '14:00'), w('15:00', '17:30')],
    tue: [w('08:00', '14:00'), w('15:00', '17:30')],
    wed: [w('08:00', '14:00'), w('15:00', '17:30')],
    thu: [w('15:00', '17:30'), w('08:00', '14:00')],
    fri: [w('08:00', '15:00')],
    sun: [w('01:00', '04:00')],
  },
  [...CATALAN_HOLIDAYS, { from: '2026-12-24', to: '2027-01-06' }],
);

describe.each([
  ['spring, across Easter and clocks going forward', '2026-03-02T00:00+01:00', '2026-04-27T00:00+02:00'],
  [
    'autumn and winter, across clocks going back and a closure over the new year',
    '2026-10-05T00:00+02:00',
    '2027-02-01T00:00+01:00',
  ],
])('agrees minute by minute with a slow reference in %s', (_, fromIso, toIso) => {
  const ref = reference(mixed, fromIso, toIso);
  // Starts in the first part of the period; amounts up to about two weeks of open time.
  const startMinute = fc
    .integer({ min: 0, max: Math.floor(ref.count / 2) })
    .map((i) => new Date(ref.start + i * MINUTE));
  const amount = fc.integer({ min: 0, max: 5_000 });

  it('adds minutes as the reference does, from open and closed starts alike', () => {
    fc.assert(
      fc.property(startMinute, amount, (start, m) => {
        expect(add(mixed, start, minutes(m))).toEqual(ref.add(start, m));
      }),
      { numRuns: 300 },
    );
  });

  it('counts open minutes between two instants as the reference does', () => {
    fc.assert(
      fc.property(startMinute, startMinute, (a, b) => {
        expect(between(mixed, a, b)).toBe(ref.between(a, b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('properties', () => {
  const instant = fc
    .integer({ min: Date.parse('2025-12-01T00:00Z'), max: Date.parse('2027-12-31T00:00Z') })
    .map((t) => new Date(t));
  const calendars = fc.constantFrom(office, split, night, mixed, officeHours, callback);
  const amount = fc.integer({ min: 0, max: 20_000 });

  it('undoes adding minutes with businessTimeBetween, for starts inside opening hours', () => {
    fc.assert(
      fc.property(calendars, instant, amount, (cal, any, m) => {
        const start = add(cal, any, minutes(0)); // an open instant
        expect(between(cal, start, add(cal, start, minutes(m)))).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it('never moves a due time earlier for a later start or a larger amount', () => {
    fc.assert(
      fc.property(calendars, instant, instant, amount, amount, (cal, s1, s2, a, b) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(add(cal, early, minutes(small)).getTime()).toBeLessThanOrEqual(add(cal, late, minutes(small)).getTime());
        expect(add(cal, early, minutes(small)).getTime()).toBeLessThanOrEqual(
          add(cal, early, minutes(large)).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('adds in steps as in one go (a positive second step)', () => {
    fc.assert(
      fc.property(calendars, instant, amount, fc.integer({ min: 1, max: 20_000 }), (cal, start, a, b) => {
        expect(add(cal, add(cal, start, minutes(a)), minutes(b))).toEqual(add(cal, start, minutes(a + b)));
      }),
      { numRuns: 200 },
    );
  });

  it('counts business time additively over consecutive intervals', () => {
    fc.assert(
      fc.property(calendars, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        expect(between(cal, a, b) + between(cal, b, c)).toBeCloseTo(between(cal, a, c), 9);
      }),
      { numRuns: 200 },
    );
  });

  it('puts n business days after an open start at n full days of open time when every day is alike', () => {
    // The town hall's business days all hold 8:00–15:00, and no DST change falls inside them.
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), fc.boolean(), (any, n, endOfDay) => {
        const start = add(officeHours, any, minutes(0));
        const due = add(officeHours, start, { days: n, endOfDay });
        const today = endOfDay ? between(officeHours, start, add(officeHours, start, { days: 0, endOfDay: true })) : 0;
        expect(between(officeHours, start, due)).toBeCloseTo(n * 420 + today, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendar validation', () => {
  it('finds nothing wrong with the demo calendars', () => {
    for (const calendar of Object.values(DEMO_CALENDARS)) expect(calendarProblems(calendar)).toEqual([]);
    for (const calendar of [office, split, night, mixed]) expect(calendarProblems(calendar)).toEqual([]);
  });

  it('names each problem by its path', () => {
    expect(
      calendarProblems({
        timeZone: 'Europe/Madird',
        week: {
          monday: [w('08:00', '15:00')],
          tue: [w('8:00', '15:00'), w('14:00', '13:00')],
          wed: [w('08:00', '14:00'), w('13:00', '16:00')],
          thu: [w('08:00', '24:01'), w('24:00', '24:00')],
          fri: 'all day',
        },
        holidays: [
          { date: '2026-02-30' },
          { from: '2027-01-06', to: '2026-12-24' },
          { from: '2026-01-01', to: '2026-01-02', yearly: true },
          { date: '2026-01-01', to: '2026-01-02' },
          { date: '2026-01-01', yearly: 'yes' },
          '2026-01-01',
        ],
      }),
    ).toEqual([
      'timeZone: "Europe/Madird" is not an IANA time zone (e.g. "Europe/Madrid").',
      'week.monday: Unknown weekday; use mon, tue, wed, thu, fri, sat, sun.',
      'week.tue[0].from: Must be a time "HH:MM" from 00:00 to 23:59.',
      'week.tue[1]: Opens at 14:00 but closes at 13:00: "from" must be before "to".',
      'week.wed[1]: Overlaps the window week.wed[0].',
      'week.thu[0].to: Must be a time "HH:MM" from 00:00 to 24:00.',
      'week.thu[1].from: Must be a time "HH:MM" from 00:00 to 23:59.',
      'week.fri: Must be a list of { from, to } windows.',
      'holidays[0].date: Must be a real date "YYYY-MM-DD".',
      'holidays[1]: The range ends before it starts.',
      'holidays[2].yearly: Only single dates repeat yearly; a range is for given dates.',
      'holidays[3]: Must be { date: "YYYY-MM-DD", yearly?: boolean } or { from: "YYYY-MM-DD", to: "YYYY-MM-DD" }.',
      'holidays[4].yearly: Must be true or false.',
      'holidays[5]: Must be { date: "YYYY-MM-DD", yearly?: boolean } or { from: "YYYY-MM-DD", to: "YYYY-MM-DD" }.',
    ]);
  });

  it('rejects time-zone offsets and abbreviations that are not IANA zones', () => {
    for (const timeZone of ['', '+01:00', 'CET+1', 'Madrid']) {
      expect(calendarProblems({ timeZone, week: weekdays(w('08:00', '15:00')), holidays: [] })).toHaveLength(1);
    }
  });

  it('accepts a 24-hour day and windows that only touch', () => {
    expect(calendarProblems(madrid({ mon: [w('00:00', '12:00'), w('12:00', '24:00')] }))).toEqual([]);
  });

  it('rejects what is not a calendar at all', () => {
    expect(calendarProblems(null)).toEqual(['A calendar must be an object.']);
    expect(calendarProblems({ timeZone: 'UTC' })).toEqual([
      'week: Must be an object of opening windows by weekday (mon … sun).',
      'holidays: Must be a list of { date, yearly? } or { from, to }.',
    ]);
  });

  it('refuses to compute with an invalid calendar, naming the problems', () => {
    const bad = madrid(weekdays(w('15:00', '08:00')));
    expect(() => add(bad, at('2026-03-09T10:00+01:00'), minutes(1))).toThrow(InvalidCalendar);
    expect(() => between(bad, at('2026-03-09T10:00+01:00'), at('2026-03-09T11:00+01:00'))).toThrow(
      /week\.mon\[0\]: Opens at 15:00 but closes at 08:00/,
    );
    try {
      add(bad, at('2026-03-09T10:00+01:00'), minutes(1));
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCalendar);
      expect((error as InvalidCalendar).kind).toBe('validation');
      expect((error as InvalidCalendar).issues[0]).toEqual({
        path: 'week.mon[0]',
        message: 'Opens at 15:00 but closes at 08:00: "from" must be before "to".',
      });
    }
  });

  it('refuses bad inputs rather than guessing', () => {
    expect(() => add(office, new Date(Number.NaN), minutes(1))).toThrow(RangeError);
    expect(() => add(office, at('2026-03-09T10:00+01:00'), minutes(-1))).toThrow(RangeError);
    expect(() => add(office, at('2026-03-09T10:00+01:00'), minutes(Number.POSITIVE_INFINITY))).toThrow(RangeError);
    expect(() => add(office, at('2026-03-09T10:00+01:00'), { days: 1.5 })).toThrow(RangeError);
    expect(() => between(office, at('2026-03-09T10:00+01:00'), new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('a calendar without opening hours', () => {
  it('is invalid, with a clear message, instead of searching forever', () => {
    const closed = madrid({});
    expect(calendarProblems(closed)).toEqual(['week: The calendar has no opening hours: every day is closed.']);
    expect(() => add(closed, at('2026-03-09T10:00+01:00'), minutes(0))).toThrow(/no opening hours/);
    expect(() => add(madrid({ mon: [] }), at('2026-03-09T10:00+01:00'), { days: 1 })).toThrow(/no opening hours/);
    expect(() => between(closed, at('2026-03-09T10:00+01:00'), at('2026-03-10T10:00+01:00'))).toThrow(
      /no opening hours/,
    );
  });

  it('throws when holidays keep it closed for years, and still counts time over them', () => {
    const shut = madrid(weekdays(w('08:00', '15:00')), [{ from: '2026-03-10', to: '2031-12-31' }]);
    expect(() => add(shut, at('2026-03-09T14:00+01:00'), minutes(120))).toThrow(
      new RegExp(`No opening hours in the ${MAX_CLOSED_DAYS} days`),
    );
    expect(() => add(shut, at('2026-03-10T10:00+01:00'), { days: 0 })).toThrow(InvalidCalendar);
    expect(between(shut, at('2026-03-09T14:00+01:00'), at('2027-03-09T14:00+01:00'))).toBe(60);
  });

  it('throws when yearly holidays cover every open weekday', () => {
    // Open only on 1 January, which is a yearly holiday.
    const never = madrid(
      { mon: [w('08:00', '15:00')], tue: [w('08:00', '15:00')] },
      Array.from({ length: 366 }, (_, i) => ({
        date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
        yearly: true,
      })),
    );
    expect(() => add(never, at('2026-03-09T10:00+01:00'), minutes(1))).toThrow(InvalidCalendar);
  });
});
