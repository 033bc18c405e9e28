import type { Contribution, IndicatorSpec } from '../aggregation/contributions';
import { suppressedCell, valueCell, type PublishedCell } from './cell';
import { perturbedCount, perturbedStat } from './perturbation';
import type { DisclosurePolicy } from './policy';
import { primaryRule, quantileTooSmall } from './primary';
import type { Stat } from './stats';

/**
 * The cells of one group and indicator in flexible mode, one per statistic: primary rules first, then the
 * complement rule (asked only when the primary rules pass), then perturbed values. Shared by territory
 * queries and arbitrary groups so both follow exactly one rule set.
 * @example flexibleCells(contributions, ind, ['sum'], policy, () => false)[0].state // 'value'
 */
export function flexibleCells(contributions: readonly Contribution[], ind: IndicatorSpec, stats: readonly Stat[], policy: DisclosurePolicy,
  breaksComplement: () => boolean): PublishedCell[] {
  const n = contributions.length;
  const rule = n === 0 ? null : primaryRule(contributions, ind, policy) ?? (breaksComplement() ? 'complement' : null);
  const nOut = n > 0 && !rule ? perturbedCount(contributions, policy) : 0;
  // An empty group answers like a small one: "no data" against "secret" would be a membership oracle.
  return stats.map((stat) => (n === 0 ? suppressedCell('min_size')
    : rule ? suppressedCell(rule)
    : quantileTooSmall(n, stat, policy) ? suppressedCell('min_size')
    : valueCell(perturbedStat(contributions, ind, stat, policy), nOut)));
}
