import { describe, expect, it } from 'vitest';
import { describeJobError, jobRetryDelayMs } from './jobs';

describe('job retries', () => {
  it('waits 10 s, then doubles, up to an hour, and gives up after the last attempt', () => {
    expect([1, 2, 3, 4].map((n) => jobRetryDelayMs(n, 10, () => 0))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(jobRetryDelayMs(12, 20, () => 0)).toBe(3_600_000);
    expect(jobRetryDelayMs(1, 5, () => 1)).toBe(11_000);
    expect(jobRetryDelayMs(5, 5)).toBeNull();
    expect(jobRetryDelayMs(1, 1)).toBeNull();
  });

  it('keeps an error on one line, 500 characters at most', () => {
    expect(describeJobError(new Error('réponse\n  introuvable'))).toBe('réponse introuvable');
    expect(describeJobError('x'.repeat(600))).toHaveLength(500);
    expect(describeJobError(new Error(''))).toBe('Error');
  });
});
