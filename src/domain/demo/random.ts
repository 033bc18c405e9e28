/**
 * A small seeded generator (mulberry32) with the draws the demo needs. Deterministic: the same seed gives
 * the same campaign on every machine.
 * @example const r = new Random(42); r.normal(0, 1);
 */
export class Random {
  private state: number;
  constructor(seed: number) { this.state = seed >>> 0; }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.next() * items.length)]; }
  /** Box–Muller. */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number { return median * Math.exp(this.normal(0, sigma)); }
  /** Picks a key by weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [v, w] of entries) { if ((x -= w) < 0) return v; }
    return entries[entries.length - 1][0];
  }
  /** An independent stream derived from this one and a label (stable whatever else is drawn). */
  fork(label: string | number): Random {
    let h = this.state ^ 0x9e3779b9;
    for (const ch of String(label)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
    return new Random(h >>> 0);
  }
}

/** Cumulative weights for fast repeated weighted picks over a large list. */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  constructor(private readonly items: readonly T[], weight: (t: T) => number) {
    let sum = 0;
    for (const it of items) { sum += Math.max(0, weight(it)); this.cumulative.push(sum); }
  }
  get size() { return this.items.length; }
  pick(r: Random): T {
    const x = r.next() * this.cumulative[this.cumulative.length - 1];
    let lo = 0, hi = this.cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.cumulative[mid] > x) hi = mid; else lo = mid + 1; }
    return this.items[lo];
  }
}
