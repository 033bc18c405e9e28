import type { IndicatorSpec } from '../../aggregation/contributions';
import type { AggregationRecord } from '../../aggregation/record';
import type { DisclosurePolicy } from '../policy';
import { publish, preparePopulation } from '../publish';
import { differencingPairs, type ContributorSet, type KnownQuery } from './queries';

/** What one attack campaign against one indicator achieved. */
export interface FlexibleAttackResult {
  targets: number;
  /** Targets whose feasible interval (given every public parameter) fits within ±10 % of the truth. */
  certain: number;
  /** Targets whose averaged point estimate is within 10 % of the truth (the attacker cannot tell which). */
  pointHits: number;
  /** Targets whose averaged estimate is exact (to 0.1 %). */
  exact: number;
  /** Published cells whose contributor set is smaller than the minimum (isolation by intersecting filters). */
  isolated: number;
  pairsUsed: number;
}

/**
 * A structure director attacking one magnitude indicator with every flexible query the rules allow. She
 * knows the directory (hence every query's contributor set), the policy (noise bounds) and, as an
 * oracle advantage, the exact bound of each cell's cell-level noise. For each target she collects every
 * pair of published cells differing by that structure alone (differencing, complement of a filter,
 * nested unrelated filters), averages the differences (averaging attack) and intersects their intervals.
 * @example attackFlexible(records, MONEY, defaultPolicy).certain // 0
 */
export function attackFlexible(records: readonly AggregationRecord[], queries: readonly KnownQuery[], ind: IndicatorSpec, policy: DisclosurePolicy): FlexibleAttackResult {
  const population = preparePopulation(records);
  const truth = new Map(records.map((r) => [r.structureId, r.values[ind.code] as number | null]));
  const cache = new Map<ContributorSet, number | null>();
  const value = (set: ContributorSet): number | null => {
    if (cache.has(set)) return cache.get(set)!;
    let v: number | null = null;
    for (const q of set.queries) {
      const cell = publish(population, { kind: 'flexible_query', indicators: [ind], level: q.territory.level, territories: [q.territory.code], filters: q.filters, stats: ['sum'] }, policy).figures[0].cell;
      if (cell.state === 'value') { v = cell.value; break; }
    }
    cache.set(set, v);
    return v;
  };
  const maxOf = (set: ContributorSet) => Math.max(...set.ids.map((id) => Math.abs(truth.get(id) ?? 0)));
  const { recordNoise: b, cellNoise: m } = policy.perturbation;
  const result: FlexibleAttackResult = { targets: 0, certain: 0, pointHits: 0, exact: 0, isolated: 0, pairsUsed: 0 };
  for (const [target, pairs] of differencingPairs(queries, ind)) {
    const t = truth.get(target)!;
    const diffs: number[] = [];
    let lo = -Infinity, hi = Infinity;
    for (const p of pairs) {
      const a = value(p.with), c = value(p.without);
      if (a === null || c === null) continue;
      const d = a - c;
      const e = m * (maxOf(p.with) + maxOf(p.without));
      diffs.push(d);
      lo = Math.max(lo, d - e);
      hi = Math.min(hi, d + e);
    }
    if (diffs.length === 0 || t <= 0) continue;
    result.targets++;
    result.pairsUsed += diffs.length;
    const estimate = diffs.reduce((x, y) => x + y, 0) / diffs.length;
    // y = t(1 + δ), |δ| ≤ b, so t ∈ [lo / (1 + b), hi / (1 − b)].
    const tLo = Math.max(0, lo) / (1 + b), tHi = hi / (1 - b);
    if (tLo >= 0.9 * t && tHi <= 1.1 * t) result.certain++;
    if (Math.abs(estimate - t) <= 0.1 * t) result.pointHits++;
    if (Math.abs(estimate - t) <= 0.001 * t) result.exact++;
  }
  for (const set of cache.keys()) if (cache.get(set) !== null && set.ids.length < policy.minSize) result.isolated++;
  return result;
}
