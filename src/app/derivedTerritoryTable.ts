import type { Db } from '../db/connection';
import { campaignYears } from '../db/aggregation.repo';
import { getDepartement, getRegion, listDepartements, listRegions } from '../db/territory.repo';
import { preparePopulation, publish, NATION_CODE, type AggregationRecord, type PublishedCell, type Stat, type Territory } from '../domain/disclosure';
import type { IndicatorSpec } from '../domain/aggregation/contributions';
import { AppError } from '../domain/errors';
import type { TerritoryRef } from '../policies/territory';
import { getPopulation, memoOf, type CampaignPopulation } from './populationCache';
import type { PopulationMode } from '../db/aggregation.repo';

export type TableLevel = 'nation' | 'region' | 'departement';
export interface DerivedFigure { indicator: string; stat: Stat; territory: Territory; cell: PublishedCell }

/**
 * A territory (nation, région, département) from a level and code, with its name and children; 404 when unknown.
 * @example await resolveTerritory(db, 'departement', '69') // { ref: { level: 'departement', code: '69', regionCode: '84' }, name: 'Rhône', … }
 */
export async function resolveTerritory(db: Db, level: TableLevel, code?: string) {
  let ref: TerritoryRef = { level: 'nation' };
  let name = 'France';
  if (level !== 'nation') {
    if (!code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
    if (level === 'region') {
      const r = await getRegion(db, code);
      if (!r) throw new AppError('not_found', 'Région introuvable.');
      ref = { level, code: r.code }; name = r.name;
    } else {
      const d = await getDepartement(db, code);
      if (!d) throw new AppError('not_found', 'Département introuvable.');
      ref = { level, code: d.code, regionCode: d.region_code }; name = d.name;
    }
  }
  const territory: Territory = ref.level === 'nation' ? { level: 'nation', code: NATION_CODE } : { level: ref.level, code: ref.code };
  const children = level === 'nation' ? (await listRegions(db)).map((r) => ({ level: 'region' as const, code: r.code, name: r.name }))
    : level === 'region' ? (await listDepartements(db, territory.code)).map((d) => ({ level: 'departement' as const, code: d.code, name: d.name }))
    : [];
  return { ref, territory: { ...territory, name }, children };
}

/** A campaign year that exists, or a 404 in French. */
export async function checkYear(db: Db, year: number): Promise<void> {
  if (!(await campaignYears(db)).includes(year)) throw new AppError('not_found', `Aucune campagne pour l’année ${year}.`);
}

/**
 * Figures of derived indicators (computed per structure from its answers, then added to every record of the
 * campaign) for a territory and its children, out of the disclosure gate as ONE national fixed table
 * (primary and secondary suppression), memoised per population like the dashboard's.
 * @example await derivedTerritoryTable({ db, year: 2024, mode: 'published', key: 'ess', indicators, derive: withEssValues, territory, children })
 */
export async function derivedTerritoryTable(p: {
  db: Db; year: number; mode: PopulationMode; key: string; indicators: readonly (IndicatorSpec | string)[];
  derive: (pop: CampaignPopulation) => Promise<AggregationRecord[]> | AggregationRecord[];
  territory: Territory; children: readonly Territory[];
}): Promise<DerivedFigure[]> {
  const pop = await getPopulation({ db: p.db, year: p.year, mode: p.mode });
  const memoKey = `derived:${p.key}`;
  let table = pop.memo.get(memoKey) as Promise<DerivedFigure[]> | undefined;
  if (!table) {
    table = (async () => {
      const records = await p.derive(pop);
      return publish(preparePopulation(records), { kind: 'fixed_table', indicators: p.indicators, levels: ['nation', 'region', 'departement'] }).figures
        .map((f) => ({ indicator: f.indicator, stat: f.stat, territory: f.territory, cell: f.cell }));
    })();
    memoOf(pop, memoKey, () => table!);
    table.catch(() => pop.memo.delete(memoKey));
  }
  const wanted = new Set([p.territory, ...p.children].map((t) => `${t.level}:${t.code}`));
  return (await table).filter((f) => wanted.has(`${f.territory.level}:${f.territory.code}`));
}
