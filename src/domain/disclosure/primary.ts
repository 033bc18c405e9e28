import type { Contribution, IndicatorSpec } from '../aggregation/contributions';
import type { DisclosurePolicy } from './policy';
import { quantileStats, type Stat } from './stats';

/**
 * (n, k) dominance: the n largest contributions (in absolute value) exceed k of the cell's absolute total.
 * With n = 1, k = 0.85 (INSEE), the second largest contributor cannot bound the largest within ~15 %.
 * @example isDominated([900, 50, 50].map((value) => ({ structureId: 0, key: 0, value })), 1, 0.85) // true
 */
export function isDominated(contributions: readonly Contribution[], n: number, k: number): boolean {
  // The n largest in one pass (n is 1 or 2 in practice): national cells hold every structure, and sorting
  // them all just to read the top one was a large part of the dashboard's gate time at scale 10.
  const top: number[] = [];
  let total = 0;
  for (const c of contributions) {
    const x = Math.abs(c.value);
    total += x;
    if (top.length < n) { top.push(x); top.sort((a, b) => b - a); } else if (n > 0 && x > top[n - 1]) { top[n - 1] = x; top.sort((a, b) => b - a); }
  }
  if (total === 0) return false;
  let topSum = 0;
  for (const x of top) topSum += x;
  return topSum > k * total;
}

/**
 * The primary rule a cell breaks, for the cell as a whole (every statistic): too few structures, or one
 * structure dominating a money total. Null when the cell may be published. Empty cells are "no data",
 * not a rule, and are left to the caller.
 * @example primaryRule(contributions, { code: 'finances.produits', unit: 'euros', aggregate: 'sum', disclosure: 'money' }, defaultPolicy)
 */
export function primaryRule(contributions: readonly Contribution[], ind: IndicatorSpec, policy: DisclosurePolicy): 'min_size' | 'dominance' | null {
  if (contributions.length < policy.minSize) return 'min_size';
  const { n, k, classes } = policy.dominance;
  if (ind.unit !== 'yesno' && classes.includes(ind.disclosure) && isDominated(contributions, n, k)) return 'dominance';
  return null;
}

/**
 * The extra rule of order statistics: a median of few values is one structure's own answer. Applies to
 * the statistic only; it removes no additive information, so it needs no secondary suppression.
 * @example quantileTooSmall(7, 'median', defaultPolicy) // true
 */
export function quantileTooSmall(n: number, stat: Stat, policy: DisclosurePolicy): boolean {
  return quantileStats.includes(stat) && n < policy.quantileMinSize;
}
