import type { Db } from '../../db/connection';
import { campaignYears } from '../../db/aggregation.repo';
import { listDepartements } from '../../db/territory.repo';
import { dashboardIndicators } from '../../domain/dashboardIndicators';
import { allowedStats, type PublishedCell, type Stat } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import { coreIndicator } from '../../domain/indicators';
import { nationalTable } from './getDashboard';
import { getPopulation } from './populationCache';

/**
 * One indicator for every département (or those of a région), read from the national fixed table the
 * dashboards publish: the very same cells, so the map can never be differenced against a dashboard.
 * Published view only.
 * @example await getDepartementMap({ db, year: 2024, indicator: 'participation.benevoles', stat: 'sum' })
 */
export async function getDepartementMap(p: { db: Db; year: number; indicator: string; stat?: Stat; regionCode?: string }) {
  const { db, year, indicator } = p;
  if (!(dashboardIndicators as readonly string[]).includes(indicator)) throw new AppError('validation_failed', 'Indicateur absent du tableau de bord publié.');
  const ind = coreIndicator(indicator)!;
  const stat: Stat = p.stat ?? (ind.unit === 'yesno' ? 'share' : ind.aggregate === 'median' ? 'median' : 'sum');
  if (!allowedStats(ind).includes(stat)) throw new AppError('validation_failed', 'Statistique sans objet pour cet indicateur.');
  if (!(await campaignYears(db)).includes(year)) throw new AppError('not_found', `Aucune campagne pour l’année ${year}.`);
  const departements = await listDepartements(db, p.regionCode);
  if (p.regionCode && departements.length === 0) throw new AppError('not_found', 'Région introuvable.');
  const pop = await getPopulation({ db, year, mode: 'published' });
  const cells = new Map<string, PublishedCell>();
  for (const f of nationalTable(pop)) {
    if (f.indicator === indicator && f.stat === stat && f.territory.level === 'departement') cells.set(f.territory.code, f.cell);
  }
  return {
    year, indicator: { code: ind.code, label: ind.label, unit: ind.unit }, stat,
    departements: departements.map((d) => ({ code: d.code, name: d.name, cell: cells.get(d.code) ?? { state: 'no_data' as const } })),
  };
}
