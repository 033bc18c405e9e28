import type { FilterDimension } from '../aggregation/filters';
import type { TerritoryLevel } from '../aggregation/territory';
import { AppError } from '../errors';

/**
 * One rule set for both publication modes. Fixed tables apply the primary rules then secondary suppression;
 * flexible queries apply the same primary rules, then the complement rule and perturbation.
 */
export interface DisclosurePolicy {
  /** Fewer contributing structures than this: suppressed ('min_size'). */
  minSize: number;
  /** Quartiles and medians need more: with 5 values the median *is* one structure's answer. */
  quantileMinSize: number;
  /**
   * The p % rule on magnitudes of these disclosure classes: suppressed when the contributors other than the
   * two largest add up to less than p × the largest (the second largest would bound the largest within p %).
   */
  dominance: { p: number; classes: readonly ('count' | 'money')[] };
  /** Yes/no indicators whose 0 % or 100 % cells are suppressed (group disclosure: every member's answer). */
  sensitiveYesNo: readonly string[];
  /**
   * Filter dimensions computed from confidential answers (the budget band comes from the income): never
   * offered in flexible queries, where empty/small answers would tell each structure's band.
   */
  confidentialDimensions: readonly FilterDimension[];
  /** Filters allowed at once in a flexible query. */
  maxFilters: number;
  /**
   * The complement rule of flexible queries (see complement.ts): a group is suppressed when any other
   * queryable group holding it has 1 to minSize − 1 structures more. Only tests turn it off (`allowUnsafe`),
   * to show the differencing attack it stops.
   */
  complementRule: boolean;
  /**
   * Secondary suppression: the other suppressed cells of a line must add up to at least this share of a
   * sensitive cell's total, so that the attacker's upper bound overshoots the largest contributor by > 10 %.
   */
  protectionRatio: number;
  /**
   * Fixed tables (exact values) are all cut from ONE table per indicator: the territories of these levels ×
   * (total + the bands of fixedTableColumns), suppressed once. So two published tables never disagree on a
   * cell, and the lines of every layout (rows, columns, hierarchy) protect each other's cells. A request
   * outside them is refused; finer or filtered figures go through flexible queries (perturbed). Each
   * breakdown allowed here costs published totals (with kind, town size and QPV, 12 % of the national
   * dashboard's cells get hidden to protect the bands) and gate time (× 10): none by default.
   */
  fixedTableLevels: readonly TerritoryLevel[];
  fixedTableColumns: readonly FilterDimension[];
  perturbation: {
    /** Bound of the cell-key noise on counts (ABS-style, ± this many structures). */
    countNoise: number;
    /** Each record's magnitude is multiplied by 1 + δ, δ fixed per (record, indicator) and uniform in ± this. */
    recordNoise: number;
    /** Cell-key noise on magnitudes: ± this share of the cell's largest contribution. */
    cellNoise: number;
    /** Each record's yes/no answer is flipped, fixed per (record, indicator), with this probability. */
    flipRate: number;
  };
}

/**
 * Defaults: 5 structures (stricter than INSEE's 3, because the directory is public and the attacker is a
 * peer), the p % rule at 10 % for money, 3 filters, the qualification of the director and of the référent
 * famille as sensitive yes/no (they describe one named person), no budget-band filter.
 * @example publish(records, request, defaultPolicy)
 */
export const defaultPolicy: DisclosurePolicy = Object.freeze({
  minSize: 5,
  quantileMinSize: 10,
  dominance: Object.freeze({ p: 0.1, classes: Object.freeze(['money'] as const) }),
  sensitiveYesNo: Object.freeze(['rh.qualif_directeur', 'rh.qualif_referent']),
  confidentialDimensions: Object.freeze(['budget'] as const),
  maxFilters: 3,
  complementRule: true,
  protectionRatio: 0.15,
  fixedTableLevels: Object.freeze(['nation', 'region', 'departement'] as const),
  fixedTableColumns: Object.freeze([] as const),
  perturbation: Object.freeze({ countNoise: 2, recordNoise: 0.3, cellNoise: 0.05, flipRate: 0.1 }),
});

/**
 * A policy from the defaults and overrides, checked: a policy that silently disables protection (minimum 1,
 * dominance above 100 %, record noise 0) is refused unless `allowUnsafe` is set, which only tests use to
 * show that an attack works against an unprotected gate.
 * @example definePolicy({ minSize: 10, dominance: { p: 0.15 } })
 */
export function definePolicy(
  overrides: Partial<Omit<DisclosurePolicy, 'dominance' | 'perturbation'>> & {
    dominance?: Partial<DisclosurePolicy['dominance']>; perturbation?: Partial<DisclosurePolicy['perturbation']>;
  } = {},
  options: { allowUnsafe?: boolean } = {},
): DisclosurePolicy {
  const p: DisclosurePolicy = {
    ...defaultPolicy, ...overrides,
    dominance: { ...defaultPolicy.dominance, ...overrides.dominance },
    perturbation: { ...defaultPolicy.perturbation, ...overrides.perturbation },
  };
  const problems: string[] = [];
  const int = (x: number, min: number) => Number.isInteger(x) && x >= min;
  if (!int(p.minSize, 1) || !int(p.quantileMinSize, 1) || !int(p.maxFilters, 0) || !int(p.perturbation.countNoise, 0)) problems.push('integers');
  if (!(p.dominance.p >= 0 && p.dominance.p <= 1)) problems.push('dominance.p in [0, 1]');
  if (!(p.perturbation.recordNoise >= 0 && p.perturbation.recordNoise < 1)) problems.push('recordNoise in [0, 1)');
  if (!(p.perturbation.flipRate >= 0 && p.perturbation.flipRate < 0.5)) problems.push('flipRate in [0, 0.5)');
  if (!(p.perturbation.cellNoise >= 0) || !(p.protectionRatio >= 0)) problems.push('non-negative ratios');
  if (!options.allowUnsafe) {
    if (p.minSize < 3) problems.push('minSize ≥ 3');
    if (p.quantileMinSize < p.minSize) problems.push('quantileMinSize ≥ minSize');
    if (p.maxFilters > 3) problems.push('maxFilters ≤ 3');
    if (p.dominance.p < 0.05) problems.push('dominance.p ≥ 0.05');
    if (p.protectionRatio < 0.1) problems.push('protectionRatio ≥ 0.1');
    // Below ~0.1 a single differenced record is known to ±10 %, the threshold the attacker tests check.
    if (p.perturbation.recordNoise <= 0.1) problems.push('recordNoise > 0.1');
    if (p.perturbation.flipRate <= 0) problems.push('flipRate > 0');
    if (!p.complementRule) problems.push('complementRule');
  }
  if (problems.length) throw new AppError('bad_request', `Politique de confidentialité invalide : ${problems.join(', ')}.`);
  return p;
}
