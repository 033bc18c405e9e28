import { mean } from './descriptive';
import { median, quantileSorted, sortedCopy } from './quantile';

/**
 * Robust spread measures for the quality engine and peer comparisons. MAD resists up to half the values
 * being outliers; the mean absolute deviation is the fallback scale when more than half the values are equal
 * (MAD = 0), as in Iglewicz & Hoaglin's modified z-score.
 */

/** MAD × this estimates σ for normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

/**
 * Median absolute deviation from the median (unscaled unless `scale` is given); null when empty.
 * @example medianAbsoluteDeviation([1, 2, 3, 4, 100]) // 1
 * @example medianAbsoluteDeviation([1, 2, 3, 4, 100], MAD_TO_SIGMA) // 1.4826
 */
export function medianAbsoluteDeviation(xs: readonly number[], scale = 1): number | null {
  const m = median(xs);
  if (m === null) return null;
  const dev = sortedCopy(xs.map((x) => Math.abs(x - m)));
  return quantileSorted(dev, 0.5)! * scale;
}

/**
 * Mean absolute deviation around a centre (the mean by default; pass the median for the robust variant used
 * with modified z-scores); null when empty.
 * @example meanAbsoluteDeviation([1, 2, 3, 10]) // 3
 * @example meanAbsoluteDeviation([1, 2, 3, 10], median([1, 2, 3, 10])!) // 2.5
 */
export function meanAbsoluteDeviation(xs: readonly number[], centre?: number): number | null {
  const c = centre ?? mean(xs);
  if (c === null || xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += Math.abs(x - c);
  return s / xs.length;
}

/**
 * Modified z-score of x against a group: 0.6745·(x − median)/MAD, falling back to
 * 0.7979·(x − median)/meanAbsDev(around the median) when MAD is 0. Null for an empty group; when the group
 * has no spread at all, 0 if x equals its value and ±Infinity otherwise.
 * @example modifiedZScore(10, [1, 2, 3, 4, 5]) // 4.7215
 */
export function modifiedZScore(x: number, xs: readonly number[]): number | null {
  const m = median(xs);
  if (m === null) return null;
  const mad = medianAbsoluteDeviation(xs)!;
  if (mad > 0) return (0.6745 * (x - m)) / mad;
  const meanAd = meanAbsoluteDeviation(xs, m)!;
  if (meanAd > 0) return (0.7979 * (x - m)) / meanAd;
  return x === m ? 0 : x > m ? Infinity : -Infinity;
}
