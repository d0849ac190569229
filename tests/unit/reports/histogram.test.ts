import { describe, expect, it } from 'vitest';
import {
  BUCKET_COUNT,
  bucketOf,
  bucketValue,
  MAX_MINUTES,
  MAX_RELATIVE_ERROR,
  percentile,
} from '../../../functions/reports/domain/index';

/** How far a bucket's reported value is from a time in it, as a share of the time. */
const errorOf = (minutes: number) => Math.abs(bucketValue(bucketOf(minutes)) - minutes) / minutes;

/** A repeatable stream of pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The exact nearest-rank percentile, p given in whole percent so no float touches the rank. */
function exactPercentile(values: readonly number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1] as number;
}

/** Times as the counters hold them: bucket → how many. */
function histogramOf(values: readonly number[]): Map<string, number> {
  const buckets = new Map<string, number>();
  for (const value of values) buckets.set(bucketOf(value), (buckets.get(bucketOf(value)) ?? 0) + 1);
  return buckets;
}

describe('business time buckets', () => {
  it('gives each minute under 20 a bucket of its own, reported exactly', () => {
    for (let minute = 0; minute < 20; minute++) {
      expect(bucketOf(minute)).toBe(`b${minute}`);
      expect(bucketValue(bucketOf(minute))).toBe(minute);
    }
  });

  it('reports every time from 1 to 100 000 minutes within 5 % (it is 4.41 % at worst)', () => {
    let worst = 0;
    for (let minutes = 1; minutes <= 100_000; minutes++) worst = Math.max(worst, errorOf(minutes));
    expect(worst).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
    expect(worst).toBeCloseTo(0.0441, 3);
  });

  it('reports long times within 5 % too, up to a hundred years of minutes', () => {
    const next = random(42);
    const big = [100_001, 1_000_000, 10_000_000, 52_000_000, MAX_MINUTES - 1, MAX_MINUTES];
    for (let i = 0; i < 20_000; i++) big.push(Math.round(20 + next() * MAX_MINUTES));
    for (const minutes of big) expect(errorOf(minutes), `${minutes} minutes`).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
  });

  it('has fewer than 200 buckets, all of them reached', () => {
    expect(BUCKET_COUNT).toBeLessThan(200);
    const reached = new Set<string>();
    for (let minutes = 0; minutes <= MAX_MINUTES; minutes = Math.max(minutes + 1, Math.floor(minutes * 1.001))) {
      reached.add(bucketOf(minutes));
    }
    expect(reached.size).toBe(BUCKET_COUNT);
  });

  it('names buckets after their lower edge, so stored counters keep their meaning', () => {
    expect([20, 21, 22, 90, 180, 660, 1440].map(bucketOf)).toEqual([
      'b20',
      'b20',
      'b22',
      'b84',
      'b172',
      'b643',
      'b1403',
    ]);
    expect(bucketValue('b20')).toBe(20.5); // √(20 · 21)
    expect(bucketValue('b84')).toBe(87.4); // √(84 · 91)
    // The last bucket runs to a century: 51 881 005 … 52 596 000 minutes.
    expect(bucketValue(bucketOf(MAX_MINUTES))).toBe(Math.round(Math.sqrt(51_881_005 * MAX_MINUTES) * 10) / 10);
  });

  it('keeps the order of times: a longer time never reports less', () => {
    let previous = -1;
    for (let minutes = 0; minutes <= 20_000; minutes++) {
      const value = bucketValue(bucketOf(minutes));
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('rounds to the nearest minute, counts negatives as 0 and a century or more in the last bucket', () => {
    expect(bucketOf(19.4)).toBe('b19');
    expect(bucketOf(19.5)).toBe('b20');
    expect(bucketOf(-3)).toBe('b0');
    expect(bucketOf(MAX_MINUTES * 10)).toBe(bucketOf(MAX_MINUTES));
    expect(bucketOf(Number.POSITIVE_INFINITY)).toBe(bucketOf(MAX_MINUTES));
    expect(() => bucketOf(Number.NaN)).toThrow(RangeError);
  });

  it('refuses a name that is not one of its buckets', () => {
    for (const name of ['b21', 'b020', 'b-1', 'x20', '20', '', 'b1e3']) {
      expect(() => bucketValue(name), name).toThrow(RangeError);
    }
  });
});

describe('percentiles from the buckets', () => {
  it('are the nearest rank: the ⌈p·n⌉-th smallest time', () => {
    const times = histogramOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentile(times, 0.5)).toBe(5);
    expect(percentile(times, 0.9)).toBe(9);
    expect(percentile(times, 0.91)).toBe(10);
    expect(percentile(times, 1)).toBe(10);
    expect(percentile(times, 0)).toBe(1);
  });

  it('are not thrown off by float noise in p·n (0.07 · 100 is 7.000000000000001)', () => {
    // One each of 0 … 18, then 81 times 19: the 7th smallest is 6, the 8th is 7.
    const times = histogramOf([...Array.from({ length: 19 }, (_, minute) => minute), ...Array<number>(81).fill(19)]);
    expect(percentile(times, 0.07)).toBe(6);
    expect(percentile(times, 0.14)).toBe(13); // 0.14 · 100 is 14.000000000000002
  });

  it('are within 5 % of the exact percentile of any set of times', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const size = 1 + Math.floor(next() * 400);
      const scale = 10 ** (1 + next() * 5);
      const values = Array.from({ length: size }, () => Math.round(next() * scale));
      const buckets = histogramOf(values);
      for (const percent of [0, 1, 7, 10, 25, 50, 75, 90, 95, 99, 100]) {
        const exact = exactPercentile(values, percent);
        const reported = percentile(buckets, percent / 100);
        if (exact < 20) expect(reported).toBe(exact);
        else expect(Math.abs((reported ?? Number.NaN) - exact) / exact).toBeLessThanOrEqual(MAX_RELATIVE_ERROR);
      }
    }
  });

  it('are null when nothing was counted', () => {
    expect(percentile(new Map(), 0.5)).toBeNull();
    expect(percentile([['b5', 0]], 0.5)).toBeNull();
  });

  it('read pairs as well as maps, and skip names that are not buckets', () => {
    expect(
      percentile(
        [
          ['b5', 2],
          ['b84', 1],
          ['nonsense', 40],
        ],
        0.9,
      ),
    ).toBe(87.4);
  });

  it('refuse a p outside 0 … 1', () => {
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => percentile(new Map([['b5', 1]]), p)).toThrow(RangeError);
  });
});
