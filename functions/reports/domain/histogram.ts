/**
 * Business times as a histogram of counters, so percentiles need no list of every ticket's time.
 *
 * Scheme (the bucket names are stored in counters: never change it, only add a new one beside it):
 *
 * - Times are whole business minutes (rounded to the nearest). Each of 0…19 is a bucket of its own,
 *   reported exactly.
 * - From 20 up, bucket k holds the integers [a_k, b_k] with a_0 = 20, b_k = ⌊a_k · 1.09⌋ and
 *   a_{k+1} = b_k + 1 (integer arithmetic only, so every runtime draws the same edges). A bucket is
 *   named after its lower edge (`b20`, `b22`, …) and reported as √(a_k · b_k), its geometric
 *   midpoint, rounded to 0.1 minute. For any v in [a_k, b_k] the error is at most √(b_k / a_k) − 1
 *   ≤ √1.09 − 1 ≈ 4.40 %, plus at most 0.05 / 20 = 0.25 % from the rounding: under 4.7 %, within
 *   {@link MAX_RELATIVE_ERROR}. (A ratio of 1.1 would give 4.88 % + 0.25 %, over 5 %.)
 * - The edges go up to {@link MAX_MINUTES}, a hundred years of minutes; longer times count in the
 *   last bucket (no ticket waits a century). Every a_{k+1} > 1.09 · a_k, so there are at most
 *   ⌈log(MAX_MINUTES / 20) / log 1.09⌉ = 172 logarithmic buckets (170 in fact): {@link BUCKET_COUNT}
 *   is 190, under 200, which keeps a month's counters of one kind few.
 */

/** Percentiles reported from the histogram are within this share of the exact value. */
export const MAX_RELATIVE_ERROR = 0.05;

/** A hundred years of minutes: the largest time the buckets tell apart. */
export const MAX_MINUTES = 36_525 * 24 * 60;

/** Minutes below this are buckets of their own. */
const EXACT_BELOW = 20;
/** The ratio 1.09 as a fraction, so the edges are computed in integers. */
const RATIO_NUMERATOR = 109;
const RATIO_DENOMINATOR = 100;
const PREFIX = 'b';

/** Lower edges of every bucket, ascending: 0 … 19, then the logarithmic ones. */
const EDGES: readonly number[] = (() => {
  const edges = Array.from({ length: EXACT_BELOW }, (_, minute) => minute);
  for (let lower = EXACT_BELOW; lower <= MAX_MINUTES; ) {
    edges.push(lower);
    lower = Math.floor((lower * RATIO_NUMERATOR) / RATIO_DENOMINATOR) + 1;
  }
  return edges;
})();

/** Lower edge → representative minutes. */
const VALUES: ReadonlyMap<number, number> = new Map(
  EDGES.map((lower, index) => {
    const next = EDGES[index + 1];
    const upper = next === undefined ? MAX_MINUTES : next - 1;
    return [lower, Math.round(Math.sqrt(lower * upper) * 10) / 10];
  }),
);

/** How many buckets the scheme has (under 200). */
export const BUCKET_COUNT = EDGES.length;

/**
 * The bucket (a counter value such as `b42`) of a business time in minutes: rounded to the
 * nearest minute, negatives as 0, beyond {@link MAX_MINUTES} in the last bucket.
 * @throws RangeError for NaN.
 */
export function bucketOf(minutes: number): string {
  if (Number.isNaN(minutes)) throw new RangeError('minutes must be a number.');
  const whole = Math.min(Math.max(0, Math.round(minutes)), MAX_MINUTES);
  let low = 0;
  let high = EDGES.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((EDGES[middle] ?? 0) <= whole) low = middle;
    else high = middle - 1;
  }
  return `${PREFIX}${EDGES[low] ?? 0}`;
}

/** The lower edge a bucket name stands for, or undefined when it is not a bucket of this scheme. */
function lowerEdgeOf(bucket: string): number | undefined {
  if (!/^b(0|[1-9]\d*)$/.test(bucket)) return undefined;
  const lower = Number(bucket.slice(PREFIX.length));
  return VALUES.has(lower) ? lower : undefined;
}

/**
 * The minutes a bucket stands for: exact under 20, else its geometric midpoint to 0.1 minute.
 * @throws RangeError for a name that is not a bucket of this scheme.
 */
export function bucketValue(bucket: string): number {
  const lower = lowerEdgeOf(bucket);
  const value = lower === undefined ? undefined : VALUES.get(lower);
  if (value === undefined) throw new RangeError(`${JSON.stringify(bucket)} is not a business time bucket.`);
  return value;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of the times counted in `buckets` (bucket → count), by nearest rank:
 * the ⌈p·n⌉-th smallest of the n times (the smallest for p = 0), reported as its bucket's value.
 * Null when nothing was counted. Names that are not buckets, and counts not above 0, are ignored.
 * @throws RangeError for p outside [0, 1].
 */
export function percentile(
  buckets: ReadonlyMap<string, number> | Iterable<readonly [string, number]>,
  p: number,
): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be a number from 0 to 1.');
  const counted = new Map<number, number>();
  for (const [bucket, count] of buckets) {
    const lower = lowerEdgeOf(bucket);
    if (lower !== undefined && count > 0) counted.set(lower, (counted.get(lower) ?? 0) + count);
  }
  const sorted = [...counted].sort(([a], [b]) => a - b);
  const n = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  // p·n carries float noise (0.07 · 100 is 7.000000000000001): trim it before rounding up.
  const exact = p * n;
  const rank = Math.max(1, Math.ceil(exact - exact * 1e-12));
  let seen = 0;
  for (const [lower, count] of sorted) {
    seen += count;
    if (seen >= rank) return VALUES.get(lower) ?? null;
  }
  return null;
}
