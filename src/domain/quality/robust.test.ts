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

describe('summarize by selection', () => {
  it('agrees with sorting on random data, ties included', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const xs = Array.from({ length: n }, () => Math.round(rnd() * 50));
      const s = [...xs].sort((a, b) => a - b);
      const q = (p: number) => { const h = (n - 1) * p, lo = Math.floor(h); return s[lo] + (h - lo) * (s[Math.min(n - 1, lo + 1)] - s[lo]); };
      const got = summarize(xs);
      expect([got.q1, got.median, got.q3]).toEqual([q(0.25), q(0.5), q(0.75)]);
      const devs = xs.map((x) => Math.abs(x - q(0.5))).sort((a, b) => a - b);
      const h = (n - 1) / 2, lo = Math.floor(h);
      expect(got.mad).toBeCloseTo(devs[lo] + (h - lo) * (devs[Math.min(n - 1, lo + 1)] - devs[lo]));
    }
  });
});
