import * as z from '../../../contracts/zod';
import { Throttled } from '../../platform/kernel/errors';

const Allowance = z.strictObject({
  hour: z.int().check(z.gte(1)),
  day: z.int().check(z.gte(1)),
});

/**
 * How many tickets may be filed per hour and per day from one address (a guest's email, a
 * signed-in person's account email) and from one client (source IP, guests and signed-in
 * people together). Set per stage (lib/config.ts); staff of the organisation are not limited.
 */
export const FilingLimits = z.strictObject({ perAddress: Allowance, perClient: Allowance });
export type FilingLimits = z.infer<typeof FilingLimits>;

/**
 * A person reports a few problems a day; a town hall's public PCs or a NAT share a client
 * address, hence its larger allowance.
 */
export const DEFAULT_FILING_LIMITS: FilingLimits = {
  perAddress: { hour: 5, day: 20 },
  perClient: { hour: 30, day: 200 },
};

/** One fixed-window counter a filing increments; it refuses the filing once it holds `limit`. */
export interface LimitCounter {
  /** `address#<hash>` or `client#<hash>`: what is counted, never stored in clear. */
  readonly subject: string;
  /** `hour#2026-11-24T10` or `day#2026-11-24` (UTC). */
  readonly window: string;
  readonly limit: number;
  /** When the window ends: the counter's Retry-After, and when the table may delete it. */
  readonly resetsAt: Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The counters a filing from this address and client increments, hourly and daily for each. */
export function filingCounters(
  limits: FilingLimits,
  filer: { readonly address: string; readonly client: string },
  now: Date,
  hash: (value: string) => string,
): LimitCounter[] {
  const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const windows = [
    { name: 'hour', id: new Date(hourStart).toISOString().slice(0, 13), resetsAt: new Date(hourStart + HOUR_MS) },
    { name: 'day', id: new Date(dayStart).toISOString().slice(0, 10), resetsAt: new Date(dayStart + DAY_MS) },
  ] as const;
  const subjects = [
    { subject: `address#${hash(filer.address.toLowerCase())}`, allowance: limits.perAddress },
    { subject: `client#${hash(filer.client)}`, allowance: limits.perClient },
  ];
  return subjects.flatMap(({ subject, allowance }) =>
    windows.map((window) => ({
      subject,
      window: `${window.name}#${window.id}`,
      limit: allowance[window.name],
      resetsAt: window.resetsAt,
    })),
  );
}

/** The 429 for a counter that is full: try again when its window ends. */
export function limitReached(counter: LimitCounter, now: Date): Throttled {
  const seconds = Math.max(1, Math.ceil((counter.resetsAt.getTime() - now.getTime()) / 1000));
  const per = counter.window.startsWith('hour') ? 'hour' : 'day';
  return new Throttled(seconds, `Too many tickets filed from here this ${per}; try again in ${seconds} seconds.`);
}
