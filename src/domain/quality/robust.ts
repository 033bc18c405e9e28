/**
 * Small robust statistics used by the quality engine (kept here so the engine does not wait for
 * src/domain/stats; they can move there later). All take plain arrays and never mutate them.
 */

/** Consistency constants: MAD × 1.4826 and mean absolute deviation × 1.2533 estimate σ for normal data. */
export const MODZ_MAD = 0.6745;
export const MODZ_MEANAD = 0.7979;

/** A distribution summarised once, so that each response is tested in O(1). */
export interface Summary {
  n: number;
  median: number;
  /** Median absolute deviation from the median. */
  mad: number;
  /** Mean absolute deviation from the median (fallback scale when mad = 0). */
  meanAbsDev: number;
  q1: number;
  q3: number;
}

function sorted(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/** Linear-interpolation quantile (R type 7) of an already sorted array. */
export function quantileSorted(s: ArrayLike<number>, p: number): number {
  if (s.length === 0) return NaN;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** @example median([3, 1, 2]) // 2 */
export function median(xs: readonly number[]): number {
  return quantileSorted(sorted(xs), 0.5);
}

/** Puts the k-th smallest value at index k (values before are ≤, after are ≥), in O(n) on average. */
function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) { const t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (k <= j) hi = j; else if (k >= i) lo = i; else return;
  }
}
/** Type-7 quantile by selection (reorders `a`, does not sort it). */
function quantileSelect(a: Float64Array, p: number): number {
  if (a.length === 0) return NaN;
  const h = (a.length - 1) * p;
  const k = Math.floor(h);
  select(a, k);
  const lo = a[k];
  if (h === k || k + 1 >= a.length) return lo;
  let next = Infinity;
  for (let i = k + 1; i < a.length; i++) if (a[i] < next) next = a[i];
  return lo + (h - k) * (next - lo);
}

/**
 * Median, MAD, mean absolute deviation and quartiles of a list, in linear time (selection, no sort), so
 * that a campaign's thousands of group × indicator summaries stay fast.
 * @example summarize([1, 2, 3, 4, 100]).median // 3
 */
export function summarize(xs: readonly number[]): Summary {
  const a = Float64Array.from(xs);
  const med = quantileSelect(a, 0.5);
  const q1 = quantileSelect(a, 0.25);
  const q3 = quantileSelect(a, 0.75);
  const dev = new Float64Array(a.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) { dev[i] = Math.abs(a[i] - med); sum += dev[i]; }
  return { n: a.length, median: med, mad: quantileSelect(dev, 0.5), meanAbsDev: a.length ? sum / a.length : NaN, q1, q3 };
}

/**
 * Modified z-score (Iglewicz & Hoaglin): 0.6745·(x − median)/MAD, or 0.7979·(x − median)/meanAbsDev when
 * MAD is 0 (more than half the values equal). Returns 0 when both scales are 0 and x is the median, ±Infinity
 * when x differs from a group whose values are all equal.
 * @example modifiedZ(10, { n: 5, median: 2, mad: 1, meanAbsDev: 1.2, q1: 1, q3: 3 }) // 5.396
 */
export function modifiedZ(x: number, s: Summary): number {
  const d = x - s.median;
  if (s.mad > 0) return (MODZ_MAD * d) / s.mad;
  if (s.meanAbsDev > 0) return (MODZ_MEANAD * d) / s.meanAbsDev;
  return d === 0 ? 0 : d > 0 ? Infinity : -Infinity;
}

/** Tukey fences at k·IQR (k = 3: "far out"). */
export function fences(s: Summary, k = 3): { low: number; high: number } {
  const iqr = s.q3 - s.q1;
  return { low: s.q1 - k * iqr, high: s.q3 + k * iqr };
}

/** A robust σ: 1.4826·MAD, or 1.2533·meanAbsDev when MAD is 0. */
export function robustSigma(s: Summary): number {
  return s.mad > 0 ? s.mad / MODZ_MAD : s.meanAbsDev / MODZ_MEANAD;
}
