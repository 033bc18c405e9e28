import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  changeFromPrevious, count, mean, meanAbsoluteDeviation, median, medianAbsoluteDeviation, MAD_TO_SIGMA,
  modifiedZScore, quantile, quartiles, shareOfStructures, sum,
} from './index';

describe('descriptive', () => {
  it('counts, sums and averages', () => {
    expect(count([])).toBe(0);
    expect(sum([])).toBe(0);
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    // Compensated: the naive left fold gives 0.6000000000000001.
    expect(sum([0.1, 0.2, 0.3])).toBe(0.6);
  });
  it('sums large euro amounts without drift', () => {
    const xs = Array.from({ length: 4000 }, (_, i) => 760_000.37 + i * 0.01);
    const exact = 4000 * 760_000.37 + 0.01 * (3999 * 4000) / 2;
    expect(Math.abs(sum(xs) - exact)).toBeLessThan(1e-4);
  });
});

describe('quantiles (type 7, as R quantile() default)', () => {
  it('matches values computed with R', () => {
    // R: quantile(c(1,2,3,4), c(.25,.5,.75)) -> 1.75 2.50 3.25
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.75)).toBe(3.25);
    // R: quantile(c(7,15,36,39,40,41), c(.25,.75)) -> 20.25 39.75
    expect(quartiles([7, 15, 36, 39, 40, 41])).toEqual({ q1: 20.25, median: 37.5, q3: 39.75 });
    expect(quartiles([5])).toEqual({ q1: 5, median: 5, q3: 5 });
    expect(quartiles([])).toBeNull();
    expect(median([])).toBeNull();
  });
  it('sorts numerically, not as strings', () => {
    expect(median([10, 9, 100])).toBe(10);
  });
  it('rejects p outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
  it('is monotone in p and bounded by min and max', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const qa = quantile(xs, lo)!;
        const qb = quantile(xs, hi)!;
        expect(qa).toBeLessThanOrEqual(qb + 1e-9);
        expect(qa).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(qb).toBeLessThanOrEqual(Math.max(...xs));
      }));
  });
});

describe('share of structures', () => {
  it('leaves missing answers out of the denominator', () => {
    expect(shareOfStructures([true, false, null, true, undefined])).toEqual({ yes: 2, n: 3, share: 2 / 3 });
    expect(shareOfStructures([null])).toEqual({ yes: 0, n: 0, share: null });
  });
});

describe('change from previous year', () => {
  it('gives absolute and relative change', () => {
    expect(changeFromPrevious(110, 100)).toEqual({ absolute: 10, relative: 0.1 });
    expect(changeFromPrevious(-5, -10)).toEqual({ absolute: 5, relative: 0.5 });
    expect(changeFromPrevious(3, 0)).toEqual({ absolute: 3, relative: null });
    expect(changeFromPrevious(null, 100)).toBeNull();
    expect(changeFromPrevious(1, undefined)).toBeNull();
  });
});

describe('robust spread', () => {
  it('MAD resists an outlier, the mean absolute deviation does not', () => {
    // R: mad(c(1,2,3,4,100), constant = 1) -> 1 ; mad(...) -> 1.4826
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100], MAD_TO_SIGMA)).toBe(1.4826);
    expect(meanAbsoluteDeviation([1, 2, 3, 10])).toBe(3);
    expect(meanAbsoluteDeviation([1, 2, 3, 10], 2.5)).toBe(2.5);
    expect(medianAbsoluteDeviation([])).toBeNull();
    expect(meanAbsoluteDeviation([])).toBeNull();
  });
  it('modified z-score falls back to the mean absolute deviation when MAD is 0', () => {
    // median 3, MAD 1: 0.6745 * 7 / 1
    expect(modifiedZScore(10, [1, 2, 3, 4, 5])).toBeCloseTo(4.7215, 4);
    // MAD 0 (three of five equal): mean abs dev around 5 = (0+0+0+1+5)/5 = 1.2
    expect(modifiedZScore(8, [5, 5, 5, 6, 10])).toBeCloseTo((0.7979 * 3) / 1.2, 6);
    expect(modifiedZScore(5, [5, 5, 5])).toBe(0);
    expect(modifiedZScore(6, [5, 5, 5])).toBe(Infinity);
    expect(modifiedZScore(1, [])).toBeNull();
  });
});
