import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ScheduleTarget, scheduledTimeOf, startScheduler } from '../../../lib/local/scheduler';

const INPUT = '{"scheduledTime":"<aws.scheduler.scheduled-time>"}';
const START = new Date('2026-03-02T08:59:30.250Z');

type Outcome = Awaited<ReturnType<ScheduleTarget['invoke']>>;

/** A function whose runs finish only when the test says so. */
function controllableFunction() {
  const events: unknown[] = [];
  const finishers: ((outcome: Outcome) => void)[] = [];
  const fn: ScheduleTarget = {
    invoke: (event) => {
      events.push(event);
      return new Promise((resolve) => finishers.push(resolve));
    },
  };
  const finish = (outcome: Outcome = {}) => finishers.shift()?.(outcome);
  return { fn, events, finish };
}

/** A function that answers at once: with each of `outcomes` in turn, then with success. */
function quickFunction(outcomes: (() => Promise<Outcome>)[] = []) {
  const events: unknown[] = [];
  const fn: ScheduleTarget = {
    invoke: async (event) => {
      events.push(event);
      return (outcomes.shift() ?? (async () => ({})))();
    },
  };
  return { fn, events };
}

describe('local scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes scheduled times as Scheduler does: UTC, whole seconds, no fraction', () => {
    expect(scheduledTimeOf(new Date('2026-03-02T09:00:00.999Z'))).toBe('2026-03-02T09:00:00Z');
    expect(scheduledTimeOf(new Date('2026-03-02T10:00:00+01:00'))).toBe('2026-03-02T09:00:00Z');
  });

  it('invokes at the rate, not at start, with the scheduled time filled into the input', async () => {
    const { fn, events } = quickFunction();
    const scheduler = startScheduler({
      schedules: [{ name: 'sweeper', everyMs: 60_000, input: INPUT, fn }],
      log: vi.fn(),
    });

    await vi.advanceTimersByTimeAsync(59_999);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual([{ scheduledTime: '2026-03-02T09:00:30Z' }]);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(events).toEqual([
      { scheduledTime: '2026-03-02T09:00:30Z' },
      { scheduledTime: '2026-03-02T09:01:30Z' },
      { scheduledTime: '2026-03-02T09:02:30Z' },
    ]);
    await scheduler.stop();
  });

  it('runs each schedule at its own rate', async () => {
    const minutely = quickFunction();
    const fiveMinutely = quickFunction();
    const scheduler = startScheduler({
      schedules: [
        { name: 'a', everyMs: 60_000, input: '{}', fn: minutely.fn },
        { name: 'b', everyMs: 300_000, input: '{"every":5}', fn: fiveMinutely.fn },
      ],
      log: vi.fn(),
    });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(minutely.events).toHaveLength(10);
    expect(fiveMinutely.events).toEqual([{ every: 5 }, { every: 5 }]);
    await scheduler.stop();
  });

  it('skips a tick while the previous run is in flight, then runs again once it is done', async () => {
    const { fn, events, finish } = controllableFunction();
    const log = vi.fn();
    const scheduler = startScheduler({ schedules: [{ name: 'sweeper', everyMs: 60_000, input: INPUT, fn }], log });

    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(events).toHaveLength(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/sweeper is still running/));

    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual([{ scheduledTime: '2026-03-02T09:00:30Z' }, { scheduledTime: '2026-03-02T09:03:30Z' }]);
    finish();
    await scheduler.stop();
  });

  it('logs a failed run, whether the function reports an error or the invocation throws, and keeps going', async () => {
    const { fn, events } = quickFunction([
      async () => ({ error: { name: 'ConditionalCheckFailedException', message: 'The conditional request failed' } }),
      async () => {
        throw new Error('worker exited');
      },
    ]);
    const log = vi.fn();
    const scheduler = startScheduler({ schedules: [{ name: 'sweeper', everyMs: 60_000, input: INPUT, fn }], log });

    await vi.advanceTimersByTimeAsync(180_000);
    expect(events).toHaveLength(3);
    expect(log.mock.calls.map(([line]) => line)).toEqual([
      'schedule: sweeper failed: ConditionalCheckFailedException: The conditional request failed',
      'schedule: sweeper failed: worker exited',
    ]);
    await scheduler.stop();
  });

  it('stops: no run after stop, and stop waits for the run in flight', async () => {
    const { fn, events, finish } = controllableFunction();
    const scheduler = startScheduler({
      schedules: [{ name: 'sweeper', everyMs: 60_000, input: INPUT, fn }],
      log: vi.fn(),
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toHaveLength(1);

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);

    await vi.advanceTimersByTimeAsync(600_000);
    expect(events).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
