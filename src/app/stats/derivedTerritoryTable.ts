import type { Db } from '../../db/connection';
import { preparePopulation, publish, type AggregationRecord, type PublishedCell, type Stat, type Territory } from '../../domain/disclosure';
import type { IndicatorSpec } from '../../domain/aggregation/contributions';
import { getPopulation, memoOf, type CampaignPopulation } from './populationCache';
import type { PopulationMode } from '../../db/aggregation.repo';

export { checkYear, resolveTerritory, type TableLevel } from '../territories/resolveTerritory';
export interface DerivedFigure { indicator: string; stat: Stat; territory: Territory; cell: PublishedCell }

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
  const table = memoOf(pop, memoKey, async (): Promise<DerivedFigure[]> => {
    const records = await p.derive(pop);
    return publish(preparePopulation(records), { kind: 'fixed_table', indicators: p.indicators, levels: ['nation', 'region', 'departement'] }).figures
      .map((f) => ({ indicator: f.indicator, stat: f.stat, territory: f.territory, cell: f.cell }));
  });
  const wanted = new Set([p.territory, ...p.children].map((t) => `${t.level}:${t.code}`));
  return (await table).filter((f) => wanted.has(`${f.territory.level}:${f.territory.code}`));
}
