import { contributionsOf, type IndicatorSpec } from '../aggregation/contributions';
import { filtersKey, type Filter } from '../aggregation/filters';
import { enclosingTerritory, groupRecords, type TerritoryIndex } from '../aggregation/groups';
import { coarserLevels, type Territory } from '../aggregation/territory';

/**
 * Complement (remainder) protection for flexible queries. With a public directory, anyone knows which
 * structures make up any group; if a group G sits inside a larger queryable group H and H \ G holds 1 to
 * minSize − 1 structures, H − G reveals those few. So G is suppressed. The larger groups considered are
 * every group obtained from G by dropping any of its filters and/or widening its territory to any enclosing
 * level (up to 5 levels × 2^3 filter subsets); sizes count contributors to the indicator, since those are
 * what a subtraction reveals. Counts are memoised: a query over 101 départements shares its parents.
 */
export class ComplementChecker {
  private readonly counts = new Map<string, number>();
  private readonly enclosing = new Map<string, Territory[]>();
  constructor(private readonly index: TerritoryIndex, private readonly minSize: number) {}

  /**
   * Whether G = (territory, filters) with n contributors must be suppressed.
   * @example checker.breaks({ level: 'commune', code: '13055' }, filters, ind, 7) // true if a parent has 8..11
   */
  breaks(territory: Territory, filters: readonly Filter[], ind: IndicatorSpec, n: number): boolean {
    for (const parent of [territory, ...this.enclosingOf(territory)]) {
      const same = parent === territory;
      for (let mask = 0; mask < 1 << filters.length; mask++) {
        if (same && mask === (1 << filters.length) - 1) continue; // G itself
        const subset = filters.filter((_, i) => mask & (1 << i));
        const rest = this.contributors(parent, subset, ind) - n;
        if (rest > 0 && rest < this.minSize) return true;
      }
    }
    return false;
  }

  private contributors(t: Territory, filters: readonly Filter[], ind: IndicatorSpec): number {
    const k = `${t.level}:${t.code}|${filtersKey(filters)}|${ind.code}`;
    let c = this.counts.get(k);
    if (c === undefined) this.counts.set(k, (c = contributionsOf(groupRecords(this.index, t, filters), ind).length));
    return c;
  }

  private enclosingOf(t: Territory): Territory[] {
    const k = `${t.level}:${t.code}`;
    let e = this.enclosing.get(k);
    if (!e) {
      const records = this.index.byLevel.get(t.level)?.get(t.code) ?? [];
      e = coarserLevels(t.level).map((l) => enclosingTerritory(records, l)).filter((x): x is Territory => x !== null);
      this.enclosing.set(k, e);
    }
    return e;
  }
}
