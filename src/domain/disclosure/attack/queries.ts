import { contributionsOf, type IndicatorSpec } from '../../aggregation/contributions';
import { dimensionValuesOf, filterDimensions, filterValues, type Filter } from '../../aggregation/filters';
import { indexByTerritory, territoriesOf } from '../../aggregation/groups';
import type { AggregationRecord } from '../../aggregation/record';
import { territoryLevels, type Territory } from '../../aggregation/territory';
import { hash32 } from '../keys';

/** A flexible query an attacker may ask, with the records the public directory says it covers. */
export interface KnownQuery { territory: Territory; filters: Filter[]; records: AggregationRecord[] }

/**
 * Every allowed flexible query with a non-empty group: any level × territory × up to `maxFilters` band
 * filters. This is exactly what the attacker can compute from the public directory.
 * @example allQueries(records, 3).length
 */
export function allQueries(records: readonly AggregationRecord[], maxFilters: number): KnownQuery[] {
  const index = indexByTerritory(records);
  const out: KnownQuery[] = [];
  const refine = (territory: Territory, filters: Filter[], group: AggregationRecord[], fromDim: number) => {
    out.push({ territory, filters, records: group });
    if (filters.length === maxFilters) return;
    for (let d = fromDim; d < filterDimensions.length; d++) {
      const dimension = filterDimensions[d];
      if (dimension === 'budget') continue; // refused by the gate: computed from a confidential answer
      for (const value of filterValues[dimension] as readonly string[]) {
        const sub = group.filter((r) => dimensionValuesOf(r.attributes, dimension).includes(value));
        if (sub.length) refine(territory, [...filters, { dimension, value } as Filter], sub, d + 1);
      }
    }
  };
  for (const level of territoryLevels) {
    for (const t of territoriesOf(index, level)) refine(t, [], [...index.byLevel.get(level)!.get(t.code)!], 0);
  }
  return out;
}

/** Order-free identity of a set of structures: XOR of two 32-bit hashes per member, plus its size. */
function setKey(ids: Iterable<number>): { h1: number; h2: number; size: number } {
  let h1 = 0, h2 = 0, size = 0;
  for (const id of ids) { h1 ^= hash32(id, 'a'); h2 ^= hash32(id, 'b'); size++; }
  return { h1, h2, size };
}
const keyText = (k: { h1: number; h2: number; size: number }) => `${k.h1}:${k.h2}:${k.size}`;

/** Queries that cover the same contributors, and that set. */
export interface ContributorSet { ids: number[]; queries: KnownQuery[] }

/**
 * Differencing pairs for one indicator: for each target structure, the pairs of queries whose contributor
 * sets differ by exactly that structure (A = B ∪ {target}), wherever they come from (a dropped filter,
 * a wider territory, or two unrelated filter sets that happen to nest, such as `kind=CS` ⊃ `approval=acf`).
 * @example differencingPairs(allQueries(records, 3), MONEY).get(17) // [{ with, without }, …]
 */
export function differencingPairs(queries: readonly KnownQuery[], ind: IndicatorSpec): Map<number, { with: ContributorSet; without: ContributorSet }[]> {
  const sets = new Map<string, ContributorSet>();
  const keys = new Map<ContributorSet, { h1: number; h2: number; size: number }>();
  for (const q of queries) {
    const ids = contributionsOf(q.records, ind).map((c) => c.structureId);
    if (ids.length === 0) continue;
    const k = setKey(ids);
    const text = keyText(k);
    const s = sets.get(text);
    if (s) s.queries.push(q); else { const ns = { ids, queries: [q] }; sets.set(text, ns); keys.set(ns, k); }
  }
  const pairs = new Map<number, { with: ContributorSet; without: ContributorSet }[]>();
  for (const a of sets.values()) {
    const k = keys.get(a)!;
    for (const t of a.ids) {
      const b = sets.get(keyText({ h1: k.h1 ^ hash32(t, 'a'), h2: k.h2 ^ hash32(t, 'b'), size: k.size - 1 }));
      if (!b) continue;
      (pairs.get(t) ?? pairs.set(t, []).get(t)!).push({ with: a, without: b });
    }
  }
  return pairs;
}
