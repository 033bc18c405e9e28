import type { Db } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { publish, publishedChange, type Filter, type PublishedCell, type Stat, type Territory, type TerritoryLevel } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import { previousReleasePopulation } from './getDashboard';
import { getPopulation } from './populationCache';

export interface StatsQuery {
  year: number;
  indicators: readonly string[];
  level: TerritoryLevel;
  territories?: readonly string[];
  filters?: readonly Filter[];
  stats?: readonly string[];
}

export interface QueryFigure {
  indicator: string; stat: Stat; territory: Territory; filters: readonly Filter[]; cell: PublishedCell;
  change: { absolute: number; relative: number | null } | null;
}

/**
 * A flexible query (user-chosen territory level, territories and up to 3 band filters) on published
 * responses, through the gate's perturbed mode; each figure comes with the change from the same query on
 * the previous year, computed from the two published cells.
 * @example await queryStats({ db, query: { year: 2024, indicators: ['finances.produits'], level: 'region', filters: [{ dimension: 'kind', value: 'CS' }] } })
 */
export async function queryStats(p: { db: Db; query: StatsQuery }) {
  const { db, query } = p;
  const years = await campaignYears(db);
  if (!years.includes(query.year)) throw new AppError('not_found', `Aucune campagne pour l’année ${query.year}.`);
  const request = {
    kind: 'flexible_query' as const, indicators: query.indicators, level: query.level,
    ...(query.territories ? { territories: query.territories } : {}), filters: query.filters ?? [],
    ...(query.stats ? { stats: query.stats } : {}),
  };
  const pop = await getPopulation({ db, year: query.year, mode: 'published' });
  const current = publish(pop.population, request).figures;
  const previousPop = years.includes(query.year - 1) ? await previousReleasePopulation(db, query.year - 1) : null;
  const previousYear = previousPop ? query.year - 1 : null;
  const before = new Map<string, PublishedCell>();
  if (previousPop) {
    for (const f of publish(previousPop.population, request).figures) {
      before.set(`${f.indicator}|${f.stat}|${f.territory.code}`, f.cell);
    }
  }
  const figures: QueryFigure[] = current.map((f) => {
    const prev = before.get(`${f.indicator}|${f.stat}|${f.territory.code}`);
    return { indicator: f.indicator, stat: f.stat, territory: f.territory, filters: f.filters, cell: f.cell, change: prev ? publishedChange(f.cell, prev) : null };
  });
  return { year: query.year, previousYear, mode: 'flexible_query' as const, release: { number: pop.release!.number, publishedAt: pop.release!.publishedAt.toISOString() }, figures };
}
