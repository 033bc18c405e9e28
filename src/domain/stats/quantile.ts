/**
 * Quantiles by linear interpolation between order statistics: Hyndman & Fan type 7, the default of R's
 * `quantile()` and of numpy. For sorted values x(1) ≤ … ≤ x(n) and p in [0, 1], h = (n − 1)·p and
 * Q(p) = x(⌊h⌋+1) + (h − ⌊h⌋)·(x(⌊h⌋+2) − x(⌊h⌋+1)). With n = 1 every quantile is the value itself.
 * Chosen because spreadsheets (Excel QUARTILE.INC, LibreOffice) use the same definition, so correspondents
 * who recompute a quartile get the same number.
 */

/**
 * Type-7 quantile of values that are already sorted ascending; null when empty.
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A sorted copy (numeric order, not the string order of Array#sort). */
export function sortedCopy(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/**
 * Type-7 quantile of unsorted values; null when empty.
 * @example quantile([4, 1, 3, 2], 0.75) // 3.25
 */
export function quantile(xs: readonly number[], p: number): number | null {
  return quantileSorted(sortedCopy(xs), p);
}

/**
 * Median (type 7, i.e. the usual midpoint of the two middle values for even n); null when empty.
 * @example median([5, 1, 3, 2]) // 2.5
 */
export function median(xs: readonly number[]): number | null {
  return quantile(xs, 0.5);
}

/** First quartile, median and third quartile of one group. */
export interface Quartiles { q1: number; median: number; q3: number }

/**
 * The three quartiles (type 7), sorting once; null when empty.
 * @example quartiles([1, 2, 3, 4, 5]) // { q1: 2, median: 3, q3: 4 }
 */
export function quartiles(xs: readonly number[]): Quartiles | null {
  const s = sortedCopy(xs);
  if (s.length === 0) return null;
  return { q1: quantileSorted(s, 0.25)!, median: quantileSorted(s, 0.5)!, q3: quantileSorted(s, 0.75)! };
}
