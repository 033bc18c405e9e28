import { listDepartements, listRegions } from '../../db/territory.repo';
import { queryTable } from '../../reports/table/figures';
import { queryStats } from './queryStats';
import { tableDownload, type Download } from '../files/tableDownload';

/**
 * A free statistics query (the same as /api/stats/query, through the gate) as a CSV or XLSX file, territories named.
 * @example await exportStatsQuery({ db, query: { year: 2024, level: 'region', indicators: ['…'] }, format: 'csv' }) // { filename: 'senacs-requete-2024-region.csv', … }
 */
export async function exportStatsQuery(p: Parameters<typeof queryStats>[0] & { format: 'csv' | 'xlsx' }): Promise<Download> {
  const { db, query } = p;
  const result = await queryStats({ db, query });
  const names = new Map<string, string>([['nation:FR', 'France']]);
  for (const r of await listRegions(db)) names.set(`region:${r.code}`, r.name);
  for (const d of await listDepartements(db)) names.set(`departement:${d.code}`, d.name);
  return tableDownload(queryTable(result, names), p.format, `requete-${query.year}-${query.level}`);
}
