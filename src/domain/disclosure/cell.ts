/** Why a figure is withheld. */
/**
 * `group`: a sensitive yes/no answered alike by all; `release`: the cell changed by fewer structures than the
 * minimum since an earlier release of the same campaign, so the difference would isolate them.
 */
export const suppressionRules = ['min_size', 'dominance', 'group', 'complement', 'release', 'secondary'] as const;
export type SuppressionRule = (typeof suppressionRules)[number];

/**
 * A published figure is exactly one of three states. `n` is the number of contributing structures as
 * published (perturbed in flexible queries, exact in fixed tables).
 */
export type PublishedCell =
  | { state: 'value'; value: number; n: number }
  | { state: 'suppressed'; rule: SuppressionRule }
  | { state: 'no_data' };

/**
 * A value cell.
 * @example valueCell(12.5, 8) // { state: 'value', value: 12.5, n: 8 }
 */
export const valueCell = (value: number, n: number): PublishedCell => ({ state: 'value', value, n });

/**
 * A suppressed cell.
 * @example suppressedCell('dominance') // { state: 'suppressed', rule: 'dominance' }
 */
export const suppressedCell = (rule: SuppressionRule): PublishedCell => ({ state: 'suppressed', rule });

/** @example NO_DATA.state // 'no_data' */
export const NO_DATA: PublishedCell = Object.freeze({ state: 'no_data' });
