import { describe, expect, it } from 'vitest';
import { alertsDue, nextAlertAt, withAlerts } from '../../../functions/sla/domain/alerts';
import type { TicketSla } from '../../../functions/sla/domain/clock';

const at = (time: string) => new Date(`2026-11-23T${time}:00.000Z`);
const iso = (time: string) => at(time).toISOString();

/** Answer by 12:00 (warned at 11:30), resolve by 14:00 (warned at 13:00). */
const clock: TicketSla = {
  firstResponseDueAt: iso('12:00'),
  firstResponseWarnAt: iso('11:30'),
  resolutionDueAt: iso('14:00'),
  resolutionWarnAt: iso('13:00'),
  pausedMinutes: 0,
};

describe('SLA alerts', () => {
  it('owe nothing before the first warning point, which is when the sweeper should look next', () => {
    expect(alertsDue(clock, at('11:29'))).toEqual([]);
    expect(nextAlertAt(clock)).toBe(iso('11:30'));
  });

  it('owe a warning at the warning point, once: recorded, it is not owed again and the next look is the due time', () => {
    const owed = alertsDue(clock, at('11:30'));
    expect(owed).toEqual([{ kind: 'warning', commitment: 'firstResponse', dueAt: iso('12:00') }]);
    const warned = withAlerts(clock, owed, at('11:30'));
    expect(alertsDue(warned, at('11:45'))).toEqual([]);
    expect(nextAlertAt(warned)).toBe(iso('12:00'));
  });

  it('owe an escalation once the due time has passed, and only once', () => {
    const warned = withAlerts(clock, alertsDue(clock, at('11:30')), at('11:30'));
    expect(alertsDue(warned, at('12:00'))).toEqual([]);
    const owed = alertsDue(warned, at('12:01'));
    expect(owed).toEqual([{ kind: 'escalation', commitment: 'firstResponse', dueAt: iso('12:00') }]);
    const escalated = withAlerts(warned, owed, at('12:01'));
    expect(escalated.escalated).toEqual({ firstResponse: iso('12:01') });
    expect(alertsDue(escalated, at('12:30'))).toEqual([]);
    // The resolution's own warning is what comes next.
    expect(nextAlertAt(escalated)).toBe(iso('13:00'));
  });

  it('escalate without a warning a commitment found already past due: too late to warn', () => {
    expect(alertsDue(clock, at('15:00'))).toEqual([
      { kind: 'escalation', commitment: 'firstResponse', dueAt: iso('12:00') },
      { kind: 'escalation', commitment: 'resolution', dueAt: iso('14:00') },
    ]);
  });

  it('warn again of a due time a pause moved later', () => {
    const warned = withAlerts(clock, alertsDue(clock, at('11:30')), at('11:30'));
    const moved = { ...warned, firstResponseDueAt: iso('12:40'), firstResponseWarnAt: iso('12:10') };
    expect(nextAlertAt(moved)).toBe(iso('12:10'));
    expect(alertsDue(moved, at('12:10'))).toEqual([
      { kind: 'warning', commitment: 'firstResponse', dueAt: iso('12:40') },
    ]);
  });

  it('stand still while paused, and end with the commitments met', () => {
    const paused = { ...clock, pausedSince: iso('11:00') };
    expect(alertsDue(paused, at('18:00'))).toEqual([]);
    expect(nextAlertAt(paused)).toBeUndefined();
    const met = { ...clock, firstRespondedAt: iso('11:00'), resolvedAt: iso('12:00') };
    expect(alertsDue(met, at('18:00'))).toEqual([]);
    expect(nextAlertAt(met)).toBeUndefined();
  });

  it('still escalate clocks stored before warning points existed', () => {
    const { firstResponseWarnAt: _, resolutionWarnAt: __, ...older } = clock;
    expect(nextAlertAt(older)).toBe(iso('12:00'));
    expect(alertsDue(older, at('12:30')).map((alert) => alert.kind)).toEqual(['escalation']);
  });
});
