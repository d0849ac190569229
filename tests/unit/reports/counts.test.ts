import { describe, expect, it } from 'vitest';
import {
  type Count,
  type CountContext,
  countsOfChange,
  countsOfRating,
  monthOf,
  type TicketFacts,
} from '../../../functions/reports/domain/index';
import type { Calendar } from '../../../functions/sla/domain/index';

/** The "Call me" service's hours: 8:00–20:00 on weekdays, in Madrid (UTC+1 in March). */
const office: Calendar = {
  timeZone: 'Europe/Madrid',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '08:00', to: '20:00' }]])),
  holidays: [],
};
const context: CountContext = {
  timeZone: 'Europe/Madrid',
  calendar: office,
  topicLevels: { level1: 'e-administration', level2: 'oac360-callback' },
};
const noCalendar: CountContext = { ...context, calendar: undefined };

/** An instant at a Madrid wall-clock time in March 2026 (Monday 2 … Tuesday 10). */
const madrid = (day: string, time: string) => new Date(`2026-03-${day}T${time}:00+01:00`).toISOString();

/** A query filed on the web on Monday 2 March at 10:00, due an answer by 12:00 and a resolution by Tuesday's close. */
const filed: TicketFacts = {
  organisationId: 'oac360',
  type: 'query',
  channel: 'web',
  priority: 'P3',
  topicId: 'oac360-callback',
  status: 'open',
  createdAt: madrid('02', '10:00'),
  updatedAt: madrid('02', '10:00'),
  sla: { firstResponseDueAt: madrid('02', '12:00'), resolutionDueAt: madrid('03', '20:00'), pausedMinutes: 0 },
};

/** The ticket after a change at `at`: a new status, and the clock's fields given. */
const changed = (
  ticket: TicketFacts,
  at: string,
  status: TicketFacts['status'],
  sla: Partial<NonNullable<TicketFacts['sla']>> = {},
): TicketFacts => ({
  ...ticket,
  status,
  updatedAt: at,
  ...(ticket.sla ? { sla: { ...ticket.sla, ...sla } } : {}),
});

/** Counts as `{ 'month dimension=value': by }`, to compare whole. */
const counters = (counts: readonly Count[]) =>
  Object.fromEntries(counts.map(({ month, dimension, value, by }) => [`${month} ${dimension}=${value}`, by]));

describe('what a filing counts', () => {
  it('counts the ticket received, by type, channel, priority and both topic levels, and adds it to the backlog', () => {
    expect(counters(countsOfChange(undefined, filed, context))).toEqual({
      '2026-03 tickets=received': 1,
      '2026-03 type=query': 1,
      '2026-03 channel=web': 1,
      '2026-03 priority=P3': 1,
      '2026-03 topic1=e-administration': 1,
      '2026-03 topic2=oac360-callback': 1,
      '2026-03 backlog=net': 1,
    });
  });

  it('counts a call-back requested, and its slot', () => {
    const callback = { ...filed, type: 'callback' as const, callback: { slot: 'afternoon' as const } };
    expect(counters(countsOfChange(undefined, callback, context))).toMatchObject({
      '2026-03 type=callback': 1,
      '2026-03 callbacks=requested': 1,
      '2026-03 callbackSlot=afternoon': 1,
    });
  });

  it('counts by the topic levels it is given, and by none when there are none', () => {
    const level1Only = countsOfChange(undefined, filed, { ...context, topicLevels: { level1: 'e-administration' } });
    expect(level1Only.map((count) => count.dimension)).toContain('topic1');
    expect(level1Only.map((count) => count.dimension)).not.toContain('topic2');
    const none = countsOfChange(undefined, filed, { ...context, topicLevels: {} });
    expect(none.map((count) => count.dimension)).not.toContain('topic1');
  });

  it('touches each counter once: a ticket filed already closed leaves the backlog unchanged, not +1 and −1', () => {
    const closedAtTheDesk = { ...filed, channel: 'in_person' as const, status: 'closed' as const, sla: undefined };
    expect(counters(countsOfChange(undefined, closedAtTheDesk, context))).toEqual({
      '2026-03 tickets=received': 1,
      '2026-03 type=query': 1,
      '2026-03 channel=in_person': 1,
      '2026-03 priority=P3': 1,
      '2026-03 topic1=e-administration': 1,
      '2026-03 topic2=oac360-callback': 1,
      '2026-03 tickets=closed': 1,
    });
  });
});

describe('what a first response counts', () => {
  it('measures the business time to it and counts it within target when given by its due time', () => {
    const at = madrid('02', '11:30');
    const answered = changed(filed, at, 'in_progress', { firstRespondedAt: at });
    // 90 minutes: bucket b84 (84–91), reported as 87.4.
    expect(counters(countsOfChange(filed, answered, context))).toEqual({
      '2026-03 firstResponseTime=b84': 1,
      '2026-03 firstResponse=measured': 1,
      '2026-03 firstResponse=withinTarget': 1,
    });
  });

  it('counts a first response given exactly at its due time as within target', () => {
    const at = madrid('02', '12:00');
    const answered = changed(filed, at, 'in_progress', { firstRespondedAt: at });
    expect(counters(countsOfChange(filed, answered, context))).toHaveProperty(
      ['2026-03 firstResponse=withinTarget'],
      1,
    );
  });

  it('counts a late first response as measured but not within target', () => {
    const at = madrid('02', '13:00');
    const answered = changed(filed, at, 'in_progress', { firstRespondedAt: at });
    // 180 minutes: bucket b172.
    expect(counters(countsOfChange(filed, answered, context))).toEqual({
      '2026-03 firstResponseTime=b172': 1,
      '2026-03 firstResponse=measured': 1,
    });
  });

  it('takes the time paused off the business time', () => {
    const at = madrid('02', '13:00');
    const answered = changed(filed, at, 'in_progress', { firstRespondedAt: at, pausedMinutes: 90 });
    expect(counters(countsOfChange(filed, answered, context))).toHaveProperty(['2026-03 firstResponseTime=b84'], 1);
  });

  it('counts a first response only once, not on later replies', () => {
    const first = madrid('02', '11:30');
    const answered = changed(filed, first, 'in_progress', { firstRespondedAt: first });
    expect(countsOfChange(answered, changed(answered, madrid('02', '15:00'), 'in_progress'), context)).toEqual([]);
  });

  it('measures nothing without a calendar', () => {
    const at = madrid('02', '11:30');
    const answered = changed(filed, at, 'in_progress', { firstRespondedAt: at });
    expect(countsOfChange(filed, answered, noCalendar)).toEqual([]);
  });
});

describe('what a resolution counts', () => {
  const inProgress = changed(filed, madrid('02', '11:00'), 'in_progress', { firstRespondedAt: madrid('02', '11:00') });

  it('counts it resolved, takes it off the backlog, and measures its business time without the pauses', () => {
    const at = madrid('03', '10:00');
    const resolved = changed(inProgress, at, 'resolved', { resolvedAt: at, pausedMinutes: 60 });
    // Monday 10:00–20:00 and Tuesday 8:00–10:00 are 720 business minutes; 60 were paused: 660, bucket b643.
    expect(counters(countsOfChange(inProgress, resolved, context))).toEqual({
      '2026-03 tickets=resolved': 1,
      '2026-03 backlog=net': -1,
      '2026-03 resolutionTime=b643': 1,
      '2026-03 resolution=measured': 1,
      '2026-03 resolution=withinTarget': 1,
    });
  });

  it('counts a resolution after its due time as measured but not within target', () => {
    const at = madrid('04', '09:00');
    const resolved = changed(inProgress, at, 'resolved', { resolvedAt: at });
    const counted = counters(countsOfChange(inProgress, resolved, context));
    expect(counted).toHaveProperty(['2026-03 resolution=measured'], 1);
    expect(counted).not.toHaveProperty(['2026-03 resolution=withinTarget']);
  });

  it('without a calendar, counts it resolved and off the backlog, but measures nothing', () => {
    const at = madrid('03', '10:00');
    const resolved = changed(inProgress, at, 'resolved', { resolvedAt: at });
    expect(counters(countsOfChange(inProgress, resolved, noCalendar))).toEqual({
      '2026-03 tickets=resolved': 1,
      '2026-03 backlog=net': -1,
    });
  });

  it('counts a reply that resolves as both the first response and the resolution', () => {
    const at = madrid('02', '11:00');
    const resolved = changed(filed, at, 'resolved', { firstRespondedAt: at, resolvedAt: at });
    const counted = counters(countsOfChange(filed, resolved, context));
    expect(counted).toMatchObject({
      '2026-03 firstResponse=measured': 1,
      '2026-03 tickets=resolved': 1,
      '2026-03 resolution=measured': 1,
    });
  });
});

describe('what closing and reopening count', () => {
  const resolvedAt = madrid('03', '10:00');
  const resolved = changed(filed, resolvedAt, 'resolved', { firstRespondedAt: resolvedAt, resolvedAt });

  it('counts a ticket closed without resolution as closed and takes it off the backlog', () => {
    const closed = changed(filed, madrid('02', '10:30'), 'closed', { resolvedAt: madrid('02', '10:30') });
    expect(counters(countsOfChange(filed, closed, context))).toEqual({
      '2026-03 tickets=closed': 1,
      '2026-03 backlog=net': -1,
    });
  });

  it('counts a resolved ticket closed as closed only: it left the backlog when resolved', () => {
    const closed = changed(resolved, madrid('09', '10:00'), 'closed');
    expect(counters(countsOfChange(resolved, closed, context))).toEqual({ '2026-03 tickets=closed': 1 });
  });

  it('counts a reopened ticket as reopened and back in the backlog', () => {
    const reopened = changed(resolved, madrid('05', '09:00'), 'in_progress', { resolvedAt: undefined });
    expect(counters(countsOfChange(resolved, reopened, context))).toEqual({
      '2026-03 tickets=reopened': 1,
      '2026-03 backlog=net': 1,
    });
  });

  it('counts a reopened ticket resolved again as resolved again', () => {
    const reopened = changed(resolved, madrid('05', '09:00'), 'in_progress', { resolvedAt: undefined });
    const again = changed(reopened, madrid('05', '12:00'), 'resolved', { resolvedAt: madrid('05', '12:00') });
    expect(counters(countsOfChange(reopened, again, context))).toMatchObject({
      '2026-03 tickets=resolved': 1,
      '2026-03 backlog=net': -1,
    });
  });
});

describe('what a call-back’s first response counts', () => {
  const callback = (slot: 'morning' | 'afternoon', createdAt: string, date?: string): TicketFacts => ({
    ...filed,
    type: 'callback',
    createdAt,
    updatedAt: createdAt,
    callback: date ? { slot, date } : { slot },
  });
  const answer = (ticket: TicketFacts, at: string, countContext = context) =>
    counters(countsOfChange(ticket, changed(ticket, at, 'in_progress', { firstRespondedAt: at }), countContext));

  describe('with a requested date', () => {
    const requested = callback('afternoon', madrid('02', '10:00'), '2026-03-03');

    it('is answered in its slot in the slot’s hours of that day', () => {
      expect(answer(requested, madrid('03', '15:00'))).toMatchObject({
        '2026-03 callbacks=answered': 1,
        '2026-03 callbacks=answeredInSlot': 1,
      });
      expect(answer(requested, madrid('03', '14:00'))).toHaveProperty(['2026-03 callbacks=answeredInSlot'], 1);
      expect(answer(requested, madrid('03', '19:59'))).toHaveProperty(['2026-03 callbacks=answeredInSlot'], 1);
    });

    it('is answered out of its slot on another day, or outside the slot’s hours', () => {
      for (const at of [madrid('02', '15:00'), madrid('03', '13:59'), madrid('03', '20:00'), madrid('04', '15:00')]) {
        const counted = answer(requested, at);
        expect(counted).toHaveProperty(['2026-03 callbacks=answered'], 1);
        expect(counted).not.toHaveProperty(['2026-03 callbacks=answeredInSlot']);
      }
    });
  });

  describe('without a date: the same or the next business day', () => {
    /** Filed on Friday 6 March at 18:00, to be called in the morning. */
    const friday = callback('morning', madrid('06', '18:00'));

    it('is in its slot on Monday morning, the next business day after the weekend', () => {
      expect(answer(friday, madrid('09', '09:30'))).toMatchObject({
        '2026-03 callbacks=answered': 1,
        '2026-03 callbacks=answeredInSlot': 1,
      });
    });

    it('is out of its slot on Tuesday morning, or on Monday afternoon', () => {
      for (const at of [madrid('10', '09:30'), madrid('09', '14:30')]) {
        expect(answer(friday, at)).not.toHaveProperty(['2026-03 callbacks=answeredInSlot']);
      }
    });

    it('without a calendar, is in its slot on the filing day or the next calendar day only', () => {
      expect(answer(friday, madrid('07', '09:30'), noCalendar)).toEqual({
        '2026-03 callbacks=answered': 1,
        '2026-03 callbacks=answeredInSlot': 1,
      });
      expect(answer(friday, madrid('09', '09:30'), noCalendar)).toEqual({ '2026-03 callbacks=answered': 1 });
    });
  });
});

describe('months, in the organisation’s time zone', () => {
  it('reads an instant’s month on its local calendar', () => {
    expect(monthOf('2026-01-31T23:30:00Z', 'Europe/Madrid')).toBe('2026-02');
    expect(monthOf(new Date('2026-01-31T22:59:59Z'), 'Europe/Madrid')).toBe('2026-01');
    // Summer time: UTC+2.
    expect(monthOf('2026-06-30T22:30:00Z', 'Europe/Madrid')).toBe('2026-07');
    expect(monthOf('2026-06-30T21:30:00Z', 'Europe/Madrid')).toBe('2026-06');
    expect(monthOf('2026-01-31T23:30:00Z', 'UTC')).toBe('2026-01');
  });

  it('refuses an instant that is not one, or a zone that is not one', () => {
    expect(() => monthOf('yesterday', 'Europe/Madrid')).toThrow(RangeError);
    expect(() => monthOf('2026-01-31T23:30:00Z', 'Europe/Nowhere')).toThrow(RangeError);
  });

  it('counts a ticket filed late on 31 January, UTC, as received in February in Madrid', () => {
    const at = '2026-01-31T23:30:00Z';
    const counts = countsOfChange(undefined, { ...filed, createdAt: at, updatedAt: at }, context);
    expect(new Set(counts.map((count) => count.month))).toEqual(new Set(['2026-02']));
  });

  it('counts each event in the month it happened: a resolution in the month of its resolution', () => {
    const at = '2026-03-31T22:15:00Z'; // 1 April, 00:15 in Madrid (summer time)
    const resolved = changed(filed, at, 'resolved', { resolvedAt: at });
    expect(new Set(countsOfChange(filed, resolved, noCalendar).map((count) => count.month))).toEqual(
      new Set(['2026-04']),
    );
  });

  it('counts a resolution in the month of the clock’s resolution instant, when it has one', () => {
    const resolvedAt = '2026-03-31T21:50:00Z'; // 31 March, 23:50 in Madrid
    const saved = '2026-03-31T22:10:00Z'; // 1 April, 00:10
    const resolved = changed(filed, saved, 'resolved', { resolvedAt });
    expect(new Set(countsOfChange(filed, resolved, context).map((count) => count.month))).toEqual(new Set(['2026-03']));
  });
});

describe('changes that count nothing', () => {
  it('counts nothing for a change of status between unresolved ones, or of anything else', () => {
    const answered = changed(filed, madrid('02', '11:00'), 'in_progress', { firstRespondedAt: madrid('02', '11:00') });
    const waiting = changed(answered, madrid('02', '12:00'), 'waiting_on_requester');
    expect(countsOfChange(answered, waiting, context)).toEqual([]);
    expect(countsOfChange(waiting, changed(waiting, madrid('02', '13:00'), 'forwarded'), context)).toEqual([]);
    const reprioritised = { ...answered, priority: 'P1' as const, topicId: 'other', updatedAt: madrid('02', '14:00') };
    expect(countsOfChange(answered, reprioritised, context)).toEqual([]);
  });

  it('counts nothing when a resolved ticket is resolved again, or a closed one changes', () => {
    const resolved = changed(filed, madrid('03', '10:00'), 'resolved', { resolvedAt: madrid('03', '10:00') });
    expect(countsOfChange(resolved, { ...resolved, updatedAt: madrid('03', '11:00') }, context)).toEqual([]);
    const closed = changed(resolved, madrid('09', '10:00'), 'closed');
    expect(countsOfChange(closed, { ...closed, updatedAt: madrid('09', '11:00') }, context)).toEqual([]);
  });
});

describe('what a rating counts', () => {
  it('counts the score in the month the rating was given', () => {
    expect(countsOfRating(filed, 4, new Date('2026-03-31T22:30:00Z'), 'Europe/Madrid')).toEqual([
      { month: '2026-04', dimension: 'satisfaction', value: '4', by: 1 },
    ]);
  });

  it('refuses a score outside 1 … 5', () => {
    expect(() => countsOfRating(filed, 6 as 5, new Date('2026-03-31T10:00:00Z'), 'Europe/Madrid')).toThrow(RangeError);
  });
});
