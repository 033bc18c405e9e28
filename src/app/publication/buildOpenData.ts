import type { Db } from '../../db/connection';
import { listStructures } from '../../db/structure.repo';
import { listDepartements, listRegions } from '../../db/territory.repo';
import { publish } from '../../domain/disclosure';
import { byKindQueries, openDataFiles, type OpenDataFile } from '../../reports/opendata/build';
import { nationalTable } from '../stats/getDashboard';
import { getPopulation, memoOf, notPublished } from '../stats/populationCache';
import { checkYear } from '../territories/resolveTerritory';

/**
 * The open data files of a campaign, all read from its latest release: its fixed table, the gate's filtered
 * queries for the averages by kind of structure (memoized with the release), the territory names and the
 * public directory, laid out by `openDataFiles` (src/reports). A year without a campaign is a 404.
 * @example const files = await buildOpenData({ db, year: 2024 }); // [{ name: 'agregats-france-2024', csv: '…', schema: {…}, … }, …]
 */
export async function buildOpenData(p: { db: Db; year: number }): Promise<OpenDataFile[]> {
  return (await buildReleaseOpenData(p)).files;
}

/**
 * The same files with the number of the release they were built from (the year's latest when they were
 * built: a release published meanwhile is not mixed in, the whole build reads one population).
 * @example const { release, files } = await buildReleaseOpenData({ db, year: 2024 }); // release === 2 for the second release of 2024
 */
export async function buildReleaseOpenData(p: { db: Db; year: number }): Promise<{ release: number; files: OpenDataFile[] }> {
  const { db, year } = p;
  await checkYear(db, year);
  const names = new Map<string, string>([['nation:FR', 'France']]);
  for (const r of await listRegions(db)) names.set(`region:${r.code}`, r.name);
  for (const d of await listDepartements(db)) names.set(`departement:${d.code}`, d.name);
  const pop = await getPopulation({ db, year, mode: 'published' });
  const figures = nationalTable(pop);
  const byKind = byKindQueries(figures).map((q) => ({ kind: q.kind, figures: memoOf(pop, q.key, () => publish(pop.population, q.request).figures) }));
  const { items } = await listStructures(db, {}, { offset: 0, limit: 100_000 });
  if (!pop.release) throw notPublished(year); // a published population always has one
  return { release: pop.release.number, files: openDataFiles({ year, names, figures, byKind, release: pop.release, directory: items }) };
}
