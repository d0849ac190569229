/** What a schedule invokes: `LocalFunction` fits, so does a test double. */
export interface ScheduleTarget {
  invoke(event: unknown): Promise<{ readonly error?: { readonly name: string; readonly message: string } }>;
}

export interface ScheduledFunction {
  /** For log lines: the function's name in `FUNCTIONS`. */
  readonly name: string;
  readonly everyMs: number;
  /** The target's input as the template has it, with Scheduler's context placeholders. */
  readonly input: string;
  readonly fn: ScheduleTarget;
}

export interface Scheduler {
  /** Ends the intervals and waits for runs in flight; nothing is invoked afterwards. */
  stop(): Promise<void>;
}

const SCHEDULED_TIME = '<aws.scheduler.scheduled-time>';

/** An instant as Scheduler writes `<aws.scheduler.scheduled-time>`: ISO 8601 in UTC, whole seconds. */
export function scheduledTimeOf(instant: Date): string {
  return `${new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** The event Scheduler would send for `input` at `instant`. */
export function scheduledEvent(input: string, instant: Date): unknown {
  return JSON.parse(input.replaceAll(SCHEDULED_TIME, scheduledTimeOf(instant)));
}

/**
 * A local stand-in for EventBridge Scheduler's rate schedules: invokes each function every
 * `everyMs` with its input, the scheduled time filled in. A run still in flight when the next is
 * due makes that tick a no-op, so one schedule never overlaps itself; the next run catches up,
 * as after a missed minute in AWS. Failures are logged, never thrown.
 */
export function startScheduler(options: {
  readonly schedules: readonly ScheduledFunction[];
  readonly log: (line: string) => void;
}): Scheduler {
  const inFlight = new Set<Promise<void>>();
  const timers = options.schedules.map((schedule) => {
    let running: Promise<void> | undefined;
    const run = async () => {
      try {
        const { error } = await schedule.fn.invoke(scheduledEvent(schedule.input, new Date()));
        if (error) options.log(`schedule: ${schedule.name} failed: ${error.name}: ${error.message}`);
      } catch (error) {
        options.log(`schedule: ${schedule.name} failed: ${(error as Error).message}`);
      }
    };
    return setInterval(() => {
      if (running) {
        options.log(`schedule: ${schedule.name} is still running; this run is skipped`);
        return;
      }
      const current = run().finally(() => {
        running = undefined;
        inFlight.delete(current);
      });
      running = current;
      inFlight.add(current);
    }, schedule.everyMs);
  });

  return {
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(inFlight);
    },
  };
}
