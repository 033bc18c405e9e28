import { contributionValue, type IndicatorSpec } from '../aggregation/contributions';
import { dimensionValuesOf, filterDimensions, filtersKey, type Filter, type FilterDimension } from '../aggregation/filters';
import { enclosingTerritory, groupRecords, type TerritoryIndex } from '../aggregation/groups';
import type { AggregationRecord } from '../aggregation/record';
import { territoryLevels, type Territory } from '../aggregation/territory';

/**
 * Complement (remainder) protection for flexible queries. With a public directory, anyone knows which
 * structures make up any group; if a group G sits inside another queryable group H and H \ G holds 1 to
 * minSize − 1 structures, H − G reveals those few. So G is suppressed (and since every pair is checked
 * from its smaller side, one of the two is always secret).
 *
 * "Another queryable group" is any group, not only G's parents: H may be any territory that holds every
 * structure of G (coarser, or finer when they all sit in one commune) with any set of at most `maxFilters`
 * public filters that every structure of G passes — its own filters, or values its structures happen to
 * share (a group "town size ≥ 200,000" that is also exactly "kind CS, management association" but one).
 * Sizes count contributors to the indicator, since those are what a subtraction reveals. Counts are
 * memoised: a query over 101 départements shares its regions and the nation.
 */
export class ComplementChecker {
  private readonly members = new Map<string, readonly AggregationRecord[]>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly index: TerritoryIndex, private readonly minSize: number, private readonly maxFilters: number,
    private readonly dimensions: readonly FilterDimension[] = filterDimensions) {}

  /**
   * Whether G = (territory, filters) must be suppressed, G's contributing records given.
   * @example checker.breaks({ level: 'commune', code: '13055' }, filters, ind, records) // true if a larger group has 1–4 more
   */
  breaks(territory: Territory, filters: readonly Filter[], ind: IndicatorSpec, contributing: readonly AggregationRecord[]): boolean {
    const n = contributing.length;
    if (n === 0) return false;
    const own = filtersKey(filters);
    const shared = this.sharedFilters(contributing);
    const territories = territoryLevels.map((l) => (l === territory.level ? territory : enclosingTerritory(contributing, l))).filter((t): t is Territory => t !== null);
    for (const t of territories) {
      for (const subset of subsetsUpTo(shared, this.maxFilters)) {
        if (t === territory && filtersKey(subset) === own) continue; // G itself
        const rest = this.contributors(t, subset, ind) - n;
        if (rest > 0 && rest < this.minSize) return true;
      }
    }
    return false;
  }

  /** The public filters every record passes (one per dimension value they all share). */
  private sharedFilters(records: readonly AggregationRecord[]): Filter[] {
    const out: Filter[] = [];
    for (const d of this.dimensions) {
      const values = new Set(dimensionValuesOf(records[0].attributes, d));
      for (const r of records) {
        const own = dimensionValuesOf(r.attributes, d);
        for (const v of values) if (!own.includes(v)) values.delete(v);
        if (values.size === 0) break;
      }
      for (const value of values) out.push({ dimension: d, value } as Filter);
    }
    return out;
  }

  private contributors(t: Territory, filters: readonly Filter[], ind: IndicatorSpec): number {
    const g = `${t.level}:${t.code}|${filtersKey(filters)}`;
    const k = `${g}|${ind.code}|${ind.unit}`;
    let c = this.counts.get(k);
    if (c === undefined) {
      let records = this.members.get(g);
      if (!records) this.members.set(g, (records = groupRecords(this.index, t, filters)));
      c = 0;
      for (const r of records) if (contributionValue(r.values[ind.code], ind.unit) !== null) c++;
      this.counts.set(k, c);
    }
    return c;
  }
}

/** Every subset of at most k items with at most one filter per dimension, smallest first. */
function subsetsUpTo(items: readonly Filter[], k: number): Filter[][] {
  const out: Filter[][] = [[]];
  for (const item of items) {
    const grown: Filter[][] = [];
    for (const s of out) if (s.length < k && !s.some((f) => f.dimension === item.dimension)) grown.push([...s, item]);
    out.push(...grown);
  }
  return out;
}
