import type { Contribution } from '../aggregation/contributions';
import { quantileSorted, sum } from '../stats';
import type { Stat } from './stats';

/**
 * Exact values of statistics over a cell's contributions (fixed tables publish exact values once the
 * suppression pattern protects them). Quantiles are type 7; share is the proportion of yes (1) values.
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
  const q = (p: number) => quantileSorted((sorted ??= xs.slice().sort()), p)!;
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
