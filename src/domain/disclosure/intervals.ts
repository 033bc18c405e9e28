import type { Line } from '../aggregation/table';

/**
 * The attacker's linear reasoning on a fixed table: every suppressed cell starts in [lower, upper] (0 and
 * +∞ for magnitudes, 0 and n for a number of yes, n being public), and each line total = Σ parts tightens
 * the bounds of its unknown members, to a fixpoint (interval constraint propagation). It finds every value
 * recomputable from a row, column or hierarchy total, and the narrow intervals that chains of lines give.
 * It is a relaxation of the exact linear-programming bounds, so it may miss a tighter LP bound.
 * @example propagate(known, lines) // [lo, hi] per cell
 */
export function propagate(cells: readonly { known: number | null; lower: number; upper: number }[], lines: readonly Line[]): [number, number][] {
  const lo = cells.map((c) => c.known ?? c.lower);
  const hi = cells.map((c) => c.known ?? c.upper);
  const eps = 1e-9;
  for (let iter = 0, changed = true; changed && iter < 500; iter++) {
    changed = false;
    for (const { total, parts } of lines) {
      // Infinite upper bounds are counted apart, so that ∞ − ∞ never turns into NaN.
      let sumLo = 0, finiteHi = 0, infinite = 0;
      for (const p of parts) { sumLo += lo[p]; if (hi[p] === Infinity) infinite++; else finiteHi += hi[p]; }
      const sumHi = infinite ? Infinity : finiteHi;
      const othersHi = (p: number) => (infinite - (hi[p] === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (hi[p] === Infinity ? 0 : hi[p]));
      const tighten = (i: number, l: number, h: number) => {
        if (l > lo[i] + eps * Math.max(1, Math.abs(l))) { lo[i] = l; changed = true; }
        if (h < hi[i] - eps * Math.max(1, Math.abs(h))) { hi[i] = h; changed = true; }
      };
      tighten(total, sumLo, sumHi);
      for (const p of parts) tighten(p, lo[total] - othersHi(p), hi[total] - (sumLo - lo[p]));
    }
  }
  return lo.map((l, i) => [l, hi[i]]);
}
