import type { Contribution } from '../aggregation/contributions';
import { quantileSorted, sortedCopy, sum } from '../stats';
import type { Stat } from './stats';

/**
 * Exact value of a statistic over a cell's contributions (fixed tables publish exact values once the
 * suppression pattern protects them). Quantiles are type 7; share is the proportion of yes (1) values.
 * @example exactStat([{ structureId: 1, key: 0, value: 4 }, { structureId: 2, key: 0, value: 6 }], 'mean') // 5
 */
export function exactStat(contributions: readonly Contribution[], stat: Stat): number {
  const xs = contributions.map((c) => c.value);
  const n = xs.length;
  switch (stat) {
    case 'count': return n;
    case 'sum': return sum(xs);
    case 'mean': case 'share': return sum(xs) / n;
    case 'median': return quantileSorted(sortedCopy(xs), 0.5)!;
    case 'q1': return quantileSorted(sortedCopy(xs), 0.25)!;
    case 'q3': return quantileSorted(sortedCopy(xs), 0.75)!;
  }
}
