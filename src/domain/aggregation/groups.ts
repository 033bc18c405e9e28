import { matchesFilters, type Filter } from './filters';
import type { AggregationRecord } from './record';
import { NATION_CODE, territoryCodeOf, territoryLevels, type Territory, type TerritoryLevel } from './territory';

/**
 * Records indexed by territory at every level, built once per population so that a dashboard of thousands
 * of cells does not rescan every record for each one.
 */
export interface TerritoryIndex {
  readonly records: readonly AggregationRecord[];
  readonly byLevel: ReadonlyMap<TerritoryLevel, ReadonlyMap<string, readonly AggregationRecord[]>>;
  /** The département of a frame territory without records (`'commune:69123'` → département 69), and so on up. */
  readonly parents: ReadonlyMap<string, Territory>;
}

/**
 * Where the public directory has structures: one entry per place (a structure's commune, EPCI, département
 * and region). Laid over a population, it makes a territory whose structures did not answer read exactly
 * like one with a few respondents (an empty group, suppressed), instead of being absent: with the directory
 * in hand, "absent" against "secret" would tell who answered.
 */
export interface TerritoryPlace { regionCode: string; departementCode: string; epciCode: string | null; communeCode: string }

/**
 * Indexes records by territory, with every territory of the frame present (empty when nobody there answered).
 * @example indexByTerritory(records).byLevel.get('region')!.get('84')!.length
 * @example indexByTerritory([], [{ regionCode: '84', departementCode: '01', epciCode: null, communeCode: '01004' }]).byLevel.get('departement')!.get('01') // []
 */
export function indexByTerritory(records: readonly AggregationRecord[], frame: readonly TerritoryPlace[] = []): TerritoryIndex {
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
  const parents = new Map<string, Territory>();
  for (const p of frame) {
    const chain: [TerritoryLevel, string | null][] = [['nation', NATION_CODE], ['region', p.regionCode], ['departement', p.departementCode], ['epci', p.epciCode], ['commune', p.communeCode]];
    for (const [level, code] of chain) if (code !== null && !byLevel.get(level)!.has(code)) byLevel.get(level)!.set(code, []);
    parents.set(`region:${p.regionCode}`, { level: 'nation', code: NATION_CODE });
    parents.set(`departement:${p.departementCode}`, { level: 'region', code: p.regionCode });
    parents.set(`commune:${p.communeCode}`, { level: 'departement', code: p.departementCode });
  }
  return { records, byLevel, parents };
}

/**
 * The territory of a coarser level holding a territory, from its records or, for an empty frame territory,
 * from the frame; null when there is none (an EPCI across two départements).
 * @example parentTerritory(index, { level: 'departement', code: '01' }, 'region') // { level: 'region', code: '84' }
 */
export function parentTerritory(index: TerritoryIndex, t: Territory, level: TerritoryLevel): Territory | null {
  const records = index.byLevel.get(t.level)?.get(t.code) ?? [];
  if (records.length > 0) return enclosingTerritory(records, level);
  let up: Territory | undefined = t;
  while (up && up.level !== level) up = index.parents.get(`${up.level}:${up.code}`);
  return up ?? null;
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
