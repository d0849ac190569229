import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../functions/sla/domain/calendar';
import {
  breaches,
  type ClockEvent,
  clockAfter,
  nextDueAt,
  replaySla,
  resumes,
  retargetSla,
  startSla,
} from '../../../functions/sla/domain/clock';
import type { Commitments } from '../../../functions/sla/domain/policy';

/** Source 000's office hours: 8:00–15:00 on weekdays, in Madrid (UTC+1 in November). */
const office: Calendar = {
  timeZone: 'Europe/Madrid',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '08:00', to: '15:00' }]])),
  holidays: [],
};
/** Two business hours to answer, and "the same or the next business day" to resolve (source 004). */
const commitments: Commitments = {
  firstResponse: { minutes: 120 },
  resolution: { days: 1, endOfDay: true },
  warnAtPercent: 75,
};
/** Monday 23 November 2026, at a local Madrid time. */
const monday = (time: string) => new Date(`2026-11-23T${time}:00+01:00`);
const local = (day: string, time: string) => new Date(`2026-11-${day}T${time}:00+01:00`).toISOString();

describe('a ticket’s response-time clock', () => {
  it('is due two business hours after filing, and resolved by the end of the next business day', () => {
    const sla = startSla(office, commitments, monday('10:00'));
    expect(sla).toEqual({
      firstResponseDueAt: local('23', '12:00'),
      resolutionDueAt: local('24', '15:00'),
      // Three quarters of each: 90 of 120 minutes; 540 of the 720 open minutes to Tuesday's close.
      firstResponseWarnAt: local('23', '11:30'),
      resolutionWarnAt: local('24', '12:00'),
      pausedMinutes: 0,
    });
  });

  it('warns of a due time within its business hours, whatever the share', () => {
    const fridayLate = startSla(office, { ...commitments, warnAtPercent: 50 }, new Date('2026-11-27T14:00:00+01:00'));
    // Two business hours from Friday 14:00 end on Monday at 9:00; half of them, on Friday at 15:00.
    expect(fridayLate.firstResponseDueAt).toBe(local('30', '09:00'));
    expect(fridayLate.firstResponseWarnAt).toBe(local('27', '15:00'));
  });

  it('counts from the next opening, over the weekend, when filed near closing on a Friday', () => {
    const sla = startSla(office, commitments, new Date('2026-11-27T14:30:00+01:00'));
    expect(sla.firstResponseDueAt).toBe(local('30', '09:30'));
  });

  it('takes the first public staff reply as the first response, never an internal note', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    const noted = clockAfter(filed, { from: 'open', to: 'open', at: monday('10:30') }, office);
    expect(noted.firstRespondedAt).toBeUndefined();
    const answered = clockAfter(
      noted,
      {
        from: 'open',
        to: 'in_progress',
        at: monday('11:00'),
        publicStaffReply: true,
      },
      office,
    );
    const again = clockAfter(
      answered,
      {
        from: 'in_progress',
        to: 'in_progress',
        at: monday('11:30'),
        publicStaffReply: true,
      },
      office,
    );
    expect(again.firstRespondedAt).toBe(monday('11:00').toISOString());
  });

  it('pauses while waiting on the requester and moves the unmet due times by the business time paused', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    // The request for information is itself the first response, then the clock stops…
    const asked = clockAfter(
      filed,
      {
        from: 'open',
        to: 'waiting_on_requester',
        at: monday('11:00'),
        publicStaffReply: true,
      },
      office,
    );
    expect(asked.pausedSince).toBe(monday('11:00').toISOString());
    expect(nextDueAt(asked)).toBeUndefined();
    // …until the requester answers on Tuesday at 9:00: 4 open hours on Monday and 1 on Tuesday.
    const answered = clockAfter(
      asked,
      {
        from: 'waiting_on_requester',
        to: 'in_progress',
        at: new Date('2026-11-24T09:00:00+01:00'),
      },
      office,
    );
    expect(answered).toEqual({
      firstResponseDueAt: local('23', '12:00'),
      firstResponseWarnAt: local('23', '11:30'),
      firstRespondedAt: monday('11:00').toISOString(),
      resolutionDueAt: local('25', '13:00'),
      // The warning moves with its due time: 300 business minutes after Tuesday 12:00.
      resolutionWarnAt: local('25', '10:00'),
      pausedMinutes: 300,
    });
    expect(nextDueAt(answered)).toBe(local('25', '13:00'));
  });

  it('needs the calendar only to end a pause, which is when the business time paused is counted', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    const waiting = clockAfter(filed, { from: 'open', to: 'waiting_on_requester', at: monday('10:30') });
    const back = { from: 'waiting_on_requester', to: 'in_progress', at: monday('11:30') } as const;
    expect(resumes(waiting, back)).toBe(true);
    expect(() => clockAfter(waiting, back)).toThrow(/calendar/);
    expect(resumes(filed, { from: 'open', to: 'in_progress', at: monday('11:00') })).toBe(false);
  });

  it('moves the first-response due time too when the pause came before any public reply', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    const waiting = clockAfter(filed, { from: 'open', to: 'waiting_on_requester', at: monday('10:30') }, office);
    const back = clockAfter(waiting, { from: 'waiting_on_requester', to: 'in_progress', at: monday('11:30') }, office);
    expect(back.firstResponseDueAt).toBe(local('23', '13:00'));
    expect(back.pausedMinutes).toBe(60);
  });

  it('says which commitments are broken: met late, or unmet past due; a paused clock stands still', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    expect(breaches(filed, monday('11:59'))).toEqual({ firstResponse: false, resolution: false });
    expect(breaches(filed, monday('12:01'))).toEqual({ firstResponse: true, resolution: false });
    const late = clockAfter(
      filed,
      {
        from: 'open',
        to: 'in_progress',
        at: monday('12:30'),
        publicStaffReply: true,
      },
      office,
    );
    expect(breaches(late, new Date('2026-12-31T00:00:00Z')).firstResponse).toBe(true);
    const paused = clockAfter(filed, { from: 'open', to: 'waiting_on_requester', at: monday('11:00') }, office);
    expect(breaches(paused, new Date('2026-12-31T00:00:00Z'))).toEqual({ firstResponse: false, resolution: false });
  });

  it('stops the resolution clock on resolving and starts it again on reopening, against the same due time', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    const resolved = clockAfter(filed, { from: 'in_progress', to: 'resolved', at: monday('14:00') }, office);
    expect(resolved.resolvedAt).toBe(monday('14:00').toISOString());
    expect(nextDueAt({ ...resolved, firstRespondedAt: monday('11:00').toISOString() })).toBeUndefined();
    const closed = clockAfter(resolved, { from: 'resolved', to: 'closed', at: monday('14:30') }, office);
    expect(closed.resolvedAt).toBe(monday('14:00').toISOString());
    const reopened = clockAfter(resolved, { from: 'resolved', to: 'in_progress', at: monday('14:45') }, office);
    expect(reopened.resolvedAt).toBeUndefined();
    expect(reopened.resolutionDueAt).toBe(filed.resolutionDueAt);
  });

  it('keeps an end-of-day due time where it is when a pause lasted no business time', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    const evening = new Date('2026-11-23T19:00:00+01:00');
    const waiting = clockAfter(filed, { from: 'open', to: 'waiting_on_requester', at: evening });
    const back = clockAfter(
      waiting,
      { from: 'waiting_on_requester', to: 'in_progress', at: new Date('2026-11-23T20:00:00+01:00') },
      office,
    );
    expect(back.resolutionDueAt).toBe(local('24', '15:00'));
    expect(back.pausedMinutes).toBe(0);
  });

  it('is held to new commitments when priority or topic change: unmet due times counted again, pauses kept, met ones left', () => {
    const filed = startSla(office, commitments, monday('10:00'));
    const urgent = { firstResponse: { minutes: 30 }, resolution: { minutes: 240 }, warnAtPercent: 75 };
    expect(retargetSla(filed, office, urgent, monday('10:00'))).toMatchObject({
      firstResponseDueAt: local('23', '10:30'),
      resolutionDueAt: local('23', '14:00'),
    });
    const answered = { ...filed, firstRespondedAt: monday('10:15').toISOString(), pausedMinutes: 60 };
    expect(retargetSla(answered, office, urgent, monday('10:00'))).toMatchObject({
      firstResponseDueAt: filed.firstResponseDueAt,
      resolutionDueAt: local('23', '15:00'),
    });
  });

  it('is recomputed from the filing and the history exactly as it was kept, event by event', () => {
    const events: ClockEvent[] = [
      { from: 'open', to: 'in_progress', at: monday('10:15') },
      { from: 'in_progress', to: 'waiting_on_requester', at: monday('10:30'), publicStaffReply: true },
      { from: 'waiting_on_requester', to: 'in_progress', at: new Date('2026-11-25T08:30:00+01:00') },
      { from: 'in_progress', to: 'waiting_on_requester', at: new Date('2026-11-25T09:00:00+01:00') },
      { from: 'waiting_on_requester', to: 'in_progress', at: new Date('2026-11-30T10:00:00+01:00') },
      { from: 'in_progress', to: 'resolved', at: new Date('2026-11-30T11:00:00+01:00') },
    ];
    let kept = startSla(office, commitments, monday('10:00'));
    for (const event of events) kept = clockAfter(kept, event, office);
    expect(replaySla(office, commitments, monday('10:00'), events)).toEqual(kept);
    // Monday 10:30 to Wednesday 8:30 (270 + 420 + 30), then Wednesday 9:00 to Monday 10:00 (360 + 420 + 420 + 120).
    expect(kept.pausedMinutes).toBe(720 + 1320);
  });
});
