import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from './connection';
import { shortLived } from './shortLived';

const dbA = {} as Db;
const dbB = {} as Db;
afterEach(() => { vi.useRealTimers(); });

describe('shortLived', () => {
  it('reads once per handle and key within its time, again after it, and at once after forget', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const kept = shortLived<number>(1000);
    let reads = 0;
    const load = async () => ++reads;
    expect(await kept.read(dbA, 'x', load)).toBe(1);
    expect(await kept.read(dbA, 'x', load)).toBe(1);
    expect(await kept.read(dbA, 'y', load)).toBe(2);
    expect(await kept.read(dbB, 'x', load)).toBe(3);
    vi.setSystemTime(1_000_999);
    expect(await kept.read(dbA, 'x', load)).toBe(1);
    vi.setSystemTime(1_001_000);
    expect(await kept.read(dbA, 'x', load)).toBe(4);
    kept.forget();
    expect(await kept.read(dbA, 'x', load)).toBe(5);
    expect(await kept.read(dbB, 'x', load)).toBe(6);
  });

  it('shares one read between callers at once, and keeps no failure', async () => {
    const kept = shortLived<string>(60_000);
    let reads = 0;
    const slow = () => new Promise<string>((ok) => setTimeout(() => ok(`v${++reads}`), 5));
    expect(await Promise.all([kept.read(dbA, 'k', slow), kept.read(dbA, 'k', slow)])).toEqual(['v1', 'v1']);
    const failing = shortLived<string>(60_000);
    await expect(failing.read(dbA, 'k', () => Promise.reject(new Error('base injoignable')))).rejects.toThrow('base injoignable');
    expect(await failing.read(dbA, 'k', async () => 'lu')).toBe('lu');
  });
});

describe('shortLived bound', () => {
  it('keeps at most its number of keys per handle (keys can come from visitors), then starts again', async () => {
    const kept = shortLived<number>(60_000, 3);
    let reads = 0;
    const load = async () => ++reads;
    for (const k of ['a', 'b', 'c']) await kept.read(dbA, k, load);
    expect(await kept.read(dbA, 'a', load)).toBe(1);
    expect(await kept.read(dbA, 'd', load)).toBe(4);
    expect(await kept.read(dbA, 'a', load)).toBe(5);
  });
});
