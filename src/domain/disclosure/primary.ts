import type { Contribution, IndicatorSpec } from '../aggregation/contributions';
import type { DisclosurePolicy } from './policy';
import { quantileStats, type Stat } from './stats';

/**
 * The p % rule (Eurostat, τ-ARGUS): a magnitude cell is sensitive when the contributors other than the two
 * largest add up to less than p × the largest. Then the second largest, who knows her own value, bounds the
 * largest within p % from the published total. Stricter than (1, 85 %) dominance where it matters: two large
 * contributors of similar size pass dominance and fail here.
 * @example breaksPPercent([900, 80, 20].map((value) => ({ structureId: 0, key: 0, value })), 0.1) // true: 20 < 0.1 × 900
 */
export function breaksPPercent(contributions: readonly Contribution[], p: number): boolean {
  // The two largest in one pass: national cells hold every structure, and sorting them all just to read
  // the top two was a large part of the dashboard's gate time at scale 10.
  let x1 = 0, x2 = 0, total = 0;
  for (const c of contributions) {
    const x = Math.abs(c.value);
    total += x;
    if (x > x1) { x2 = x1; x1 = x; } else if (x > x2) x2 = x;
  }
  if (x1 === 0) return false;
  return total - x1 - x2 < p * x1;
}

/**
 * Group disclosure of a yes/no cell: when every contributor gave the same answer (0 % or 100 %), the cell
 * tells each of them what they answered. Applied to indicators declared sensitive only.
 * @example isUnanimous([1, 1, 1].map((value) => ({ structureId: 0, key: 0, value }))) // true
 */
export function isUnanimous(contributions: readonly Contribution[]): boolean {
  let yes = 0;
  for (const c of contributions) yes += c.value;
  return contributions.length > 0 && (yes === 0 || yes === contributions.length);
}

/**
 * The primary rule a cell breaks, for the cell as a whole (every statistic): too few structures, a money
 * total that the second largest contributor could use to estimate the largest (p % rule), or a sensitive
 * yes/no answered alike by all. Null when the cell may be published. Empty cells are left to the caller.
 * @example primaryRule(contributions, { code: 'finances.produits', unit: 'euros', aggregate: 'sum', disclosure: 'money' }, defaultPolicy)
 */
export function primaryRule(contributions: readonly Contribution[], ind: IndicatorSpec, policy: DisclosurePolicy): 'min_size' | 'dominance' | 'group' | null {
  if (contributions.length < policy.minSize) return 'min_size';
  const { p, classes } = policy.dominance;
  if (ind.unit !== 'yesno' && classes.includes(ind.disclosure) && breaksPPercent(contributions, p)) return 'dominance';
  if (ind.unit === 'yesno' && policy.sensitiveYesNo.includes(ind.code) && isUnanimous(contributions)) return 'group';
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
