/**
 * Fixed-budget sliding window: at most `limit` hits per key within `windowMs`.
 * Pure apart from its own memory; the clock is passed in.
 * @example const rl = new RateLimiter(5, 60_000); rl.hit('a@b.fr', Date.now()) // true while under the limit
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Records a hit; answers false when the key is over its budget. */
  hit(key: string, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return recent.length <= this.limit;
  }

  /** Is the key over its budget right now (without recording)? */
  blocked(key: string, now: number): boolean {
    return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs).length >= this.limit;
  }

  reset(key: string): void { this.hits.delete(key); }

  private prune(now: number) {
    for (const [k, ts] of this.hits) if (ts.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
  }
}
