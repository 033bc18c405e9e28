import type { IndicatorSpec } from '../../aggregation/contributions';
import type { AggregationRecord } from '../../aggregation/record';
import { buildFixedTables, type FixedTableLayout, type RawTable } from '../../aggregation/table';
import type { PublishedCell } from '../cell';
import { primaryRule } from '../primary';
import type { DisclosurePolicy } from '../policy';
import { indexByTerritory } from '../../aggregation/groups';
import { propagate } from '../intervals';

/** How many sensitive cells the attacker broke, out of how many. */
export interface FixedAttackResult { sensitive: number; outsider: number; insider: number; exact: number }

/**
 * Attacks a fixed table from its published 'sum' cells (in layout order): interval propagation over every
 * row, column and hierarchy line, then for each primarily suppressed cell,
 * - as an outsider: is the cell total known exactly or to ±10 %?
 * - as an insider (each contributor in turn, knowing her own value and the published rule): is the largest
 *   other contributor bounded within ±10 %? Upper bound: hi − own. Lower bound: lo − own when only the two
 *   of them contribute; k·lo when the cell is marked 'dominance' (the rule says the top one holds > k).
 * @example attackFixed(records, table, published, policy).outsider // 0
 */
export function attackFixed(table: RawTable, sums: readonly PublishedCell[], _policy: DisclosurePolicy): FixedAttackResult {
  const yesNo = table.indicator.unit === 'yesno';
  const bounds = propagate(table.cells.map((c, i) => {
    const s = sums[i];
    return { known: s.state === 'value' ? s.value : s.state === 'no_data' ? 0 : null, lower: 0, upper: yesNo ? c.contributions.length : Infinity };
  }), table.lines);
  const result: FixedAttackResult = { sensitive: 0, outsider: 0, insider: 0, exact: 0 };
  table.cells.forEach((c, i) => {
    const s = sums[i];
    // Empty cells (shown as secret too) disclose nobody.
    if (s.state !== 'suppressed' || s.rule === 'secondary' || s.rule === 'complement' || c.contributions.length === 0) return;
    result.sensitive++;
    const [lo, hi] = bounds[i];
    const v = c.contributions.reduce((a, x) => a + x.value, 0);
    if (hi - lo < 1e-6 * Math.max(1, Math.abs(v))) result.exact++;
    if (!yesNo && v > 0 && lo >= 0.9 * v && hi <= 1.1 * v) result.outsider++;
    if (yesNo) return;
    for (const attacker of c.contributions) {
      const others = c.contributions.filter((x) => x !== attacker).sort((a, b) => b.value - a.value);
      if (others.length === 0 || others[0].value <= 0) continue;
      const t = others[0].value;
      const upper = hi - attacker.value;
      const lower = others.length === 1 ? lo - attacker.value : 0;
      if (lower >= 0.9 * t && upper <= 1.1 * t) { result.insider++; break; }
    }
  });
  return result;
}

/**
 * The same table with primary suppression only and no secondary suppression: what the attack finds when
 * the second step is skipped (the control of the attacker tests).
 * @example primaryOnly(records, MONEY, layout, policy)
 */
export function primaryOnly(records: readonly AggregationRecord[], ind: IndicatorSpec, layout: FixedTableLayout, policy: DisclosurePolicy): { table: RawTable; sums: PublishedCell[] } {
  const table = buildFixedTables(indexByTerritory(records), [ind], layout)[0];
  const sums = table.cells.map((c): PublishedCell => {
    if (c.contributions.length === 0) return { state: 'no_data' };
    const rule = primaryRule(c.contributions, ind, policy);
    return rule ? { state: 'suppressed', rule } : { state: 'value', value: c.contributions.reduce((a, x) => a + x.value, 0), n: c.contributions.length };
  });
  return { table, sums };
}
