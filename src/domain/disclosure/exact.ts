import type { Contribution } from '../aggregation/contributions';
import { sum } from '../stats';
import type { Stat } from './stats';

/**
 * Exact values of statistics over a cell's contributions (fixed tables publish exact values once the
 * suppression pattern protects them). Quantiles are smoothed (see `smoothedQuantile`); share is the
 * proportion of yes (1) values.
 * The values are read once and sorted at most once: a national cell of the dashboard holds every
 * structure, and sorting it again for each quartile was most of the gate's time at scale 10.
 * @example exactStats([{ structureId: 1, key: 0, value: 4 }, { structureId: 2, key: 0, value: 6 }], ['mean', 'median']) // [5, 5]
 */
export function exactStats(contributions: readonly Contribution[], stats: readonly Stat[]): number[] {
  const n = contributions.length;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = contributions[i].value;
  let sorted: Float64Array | undefined;
  let total: number | undefined;
  const q = (p: number) => smoothedQuantile((sorted ??= xs.slice().sort()), p);
  const s = () => (total ??= sum(xs));
  return stats.map((stat) => {
    switch (stat) {
      case 'count': return n;
      case 'sum': return s();
      case 'mean': case 'share': return s() / n;
      case 'median': return q(0.5);
      case 'q1': return q(0.25);
      case 'q3': return q(0.75);
    }
  });
}

/**
 * A published quantile that is not one structure's own answer: the mean of the three order statistics
 * nearest the quantile's rank ((n − 1)·p, rounded), instead of the type-7 value, which for half the
 * département quartiles *is* one structure's exact answer. Documented in the plaquettes' method note.
 * @example smoothedQuantile(Float64Array.from([1, 2, 3, 10, 20]), 0.5) // (2 + 3 + 10) / 3 = 5
 */
export function smoothedQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n < 3) return sorted.reduce((a, b) => a + b, 0) / n;
  const centre = Math.min(n - 2, Math.max(1, Math.round((n - 1) * p)));
  return (sorted[centre - 1] + sorted[centre] + sorted[centre + 1]) / 3;
}
