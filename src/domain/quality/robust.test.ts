import { describe, expect, it } from 'vitest';
import { fences, median, modifiedZ, robustSigma, summarize } from './robust';

describe('robust statistics', () => {
  it('summarizes median, MAD, mean absolute deviation and quartiles', () => {
    const s = summarize([1, 2, 3, 4, 100]);
    expect(s.median).toBe(3);
    expect(s.mad).toBe(1);
    expect(s.meanAbsDev).toBeCloseTo((2 + 1 + 0 + 1 + 97) / 5);
    expect(s.q1).toBe(2);
    expect(s.q3).toBe(4);
    expect(median([5, 1, 3, 2])).toBe(2.5);
  });

  it('gives the modified z-score with the MAD', () => {
    const s = summarize([1, 2, 3, 4, 100]);
    expect(modifiedZ(100, s)).toBeCloseTo(0.6745 * 97);
    expect(modifiedZ(3, s)).toBe(0);
  });

  it('falls back to the mean absolute deviation when the MAD is 0', () => {
    const s = summarize([5, 5, 5, 5, 5, 5, 7, 9]);
    expect(s.mad).toBe(0);
    expect(s.meanAbsDev).toBeCloseTo(6 / 8);
    expect(modifiedZ(9, s)).toBeCloseTo((0.7979 * 4) / 0.75);
    expect(robustSigma(s)).toBeCloseTo(0.75 / 0.7979);
  });

  it('is infinite only when every value is equal and x differs', () => {
    const s = summarize([4, 4, 4]);
    expect(modifiedZ(4, s)).toBe(0);
    expect(modifiedZ(5, s)).toBe(Infinity);
    expect(modifiedZ(3, s)).toBe(-Infinity);
  });

  it('puts far-out fences at 3 IQR', () => {
    expect(fences(summarize([1, 2, 3, 4, 5]))).toEqual({ low: 2 - 6, high: 4 + 6 });
  });
});
