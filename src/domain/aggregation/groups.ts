import { matchesFilters, type Filter } from './filters';
import type { AggregationRecord } from './record';
import { territoryCodeOf, territoryLevels, type Territory, type TerritoryLevel } from './territory';

/**
 * Records indexed by territory at every level, built once per population so that a dashboard of thousands
 * of cells does not rescan every record for each one.
 */
export interface TerritoryIndex {
  readonly records: readonly AggregationRecord[];
  readonly byLevel: ReadonlyMap<TerritoryLevel, ReadonlyMap<string, readonly AggregationRecord[]>>;
}

/**
 * Indexes records by territory.
 * @example indexByTerritory(records).byLevel.get('region')!.get('84')!.length
 */
export function indexByTerritory(records: readonly AggregationRecord[]): TerritoryIndex {
  const byLevel = new Map<TerritoryLevel, Map<string, AggregationRecord[]>>();
  for (const level of territoryLevels) {
    const m = new Map<string, AggregationRecord[]>();
    for (const r of records) {
      const code = territoryCodeOf(r.attributes, level);
      if (code === null) continue;
      const list = m.get(code);
      if (list) list.push(r); else m.set(code, [r]);
    }
    byLevel.set(level, m);
  }
  return { records, byLevel };
}

/**
 * The records of a territory that pass the filters (empty when the territory has none).
 * @example groupRecords(index, { level: 'departement', code: '13' }, [{ dimension: 'kind', value: 'EVS' }])
 */
export function groupRecords(index: TerritoryIndex, t: Territory, filters: readonly Filter[]): AggregationRecord[] {
  const inTerritory = index.byLevel.get(t.level)?.get(t.code) ?? [];
  return filters.length === 0 ? [...inTerritory] : inTerritory.filter((r) => matchesFilters(r.attributes, filters));
}

/**
 * Territories of a level that hold at least one record, sorted by code.
 * @example territoriesOf(index, 'region').map((t) => t.code) // ['11', '24', …]
 */
export function territoriesOf(index: TerritoryIndex, level: TerritoryLevel): Territory[] {
  return [...(index.byLevel.get(level)?.keys() ?? [])].sort().map((code) => ({ level, code }));
}

/**
 * The single territory of a coarser level holding every record of a group, or null when the records
 * straddle several (an EPCI across two départements) or the group is empty.
 * @example enclosingTerritory(communeRecords, 'departement') // { level: 'departement', code: '69' }
 */
export function enclosingTerritory(records: readonly AggregationRecord[], level: TerritoryLevel): Territory | null {
  let code: string | null = null;
  for (const r of records) {
    const c = territoryCodeOf(r.attributes, level);
    if (c === null || (code !== null && c !== code)) return null;
    code = c;
  }
  return code === null ? null : { level, code };
}
