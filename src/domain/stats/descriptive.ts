/**
 * Plain descriptive statistics over the values of one group. Every function takes a read-only array, never
 * mutates it, and returns `null` where the statistic does not exist (an empty group), so callers cannot
 * mistake "no data" for zero.
 */

/**
 * Number of values.
 * @example count([3, 1, 2]) // 3
 */
export function count(xs: readonly number[]): number {
  return xs.length;
}

/**
 * Sum of the values; 0 for an empty list (an empty sum is zero, its absence is shown by `count`).
 * Uses Neumaier compensation so that national totals of thousands of euro amounts add up exactly.
 * @example sum([0.1, 0.2, 0.3]) // 0.6
 */
export function sum(xs: ArrayLike<number> & Iterable<number>): number {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Arithmetic mean, or null for an empty list.
 * @example mean([1, 2, 6]) // 3
 */
export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}
