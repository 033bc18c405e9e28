/**
 * Bands for the two numeric filters. Filters cut on bands, never on free thresholds: a free threshold
 * (population ≥ 12,345) lets an attacker slide a cut just past one structure and isolate it by differencing.
 * Bands are fixed, few and wide, so the set of groups anyone can ask for is fixed in advance.
 */

/** Town size bands from the commune's legal population (INSEE), upper bounds exclusive. */
export const townSizeBands = ['lt_2k', '2k_10k', '10k_50k', '50k_200k', 'gte_200k'] as const;
export type TownSizeBand = (typeof townSizeBands)[number];
const TOWN_LIMITS = [2_000, 10_000, 50_000, 200_000] as const;

/**
 * The town size band of a commune population.
 * @example townSizeBandOf(1_999) // 'lt_2k'
 * @example townSizeBandOf(200_000) // 'gte_200k'
 */
export function townSizeBandOf(population: number): TownSizeBand {
  const i = TOWN_LIMITS.findIndex((limit) => population < limit);
  return townSizeBands[i === -1 ? TOWN_LIMITS.length : i];
}

/**
 * Budget bands from total income in euros, upper bounds exclusive. They follow the spread of the field:
 * most EVS are below 150 k€, a typical centre social is 400 k€–1 M€, large multi-site centres above.
 * `unknown` holds structures that did not give their income, so bands still partition every group.
 */
export const budgetBands = ['lt_50k', '50k_150k', '150k_400k', '400k_1m', 'gte_1m', 'unknown'] as const;
export type BudgetBand = (typeof budgetBands)[number];
const BUDGET_LIMITS = [50_000, 150_000, 400_000, 1_000_000] as const;

/**
 * The budget band of a total income.
 * @example budgetBandOf(399_999) // '150k_400k'
 * @example budgetBandOf(null) // 'unknown'
 */
export function budgetBandOf(income: number | null): BudgetBand {
  if (income === null || !Number.isFinite(income)) return 'unknown';
  const i = BUDGET_LIMITS.findIndex((limit) => income < limit);
  return budgetBands[i === -1 ? BUDGET_LIMITS.length : i];
}
