import type { Db } from '../../db/connection';
import { listStructures, type StructureFilters } from '../../db/structure.repo';
import { directoryTable } from '../../reports/table/lists';
import { tableDownload, type Download } from '../files/tableDownload';

/** At most this many directory rows in one file (the national directory holds about 4,100). */
const MAX_DIRECTORY_ROWS = 20_000;

/**
 * The public directory of structures as a CSV or XLSX file, with the directory page's filters.
 * @example await exportDirectory({ db, filters: { departementCode: '69' }, format: 'csv', name: 'annuaire-69' }) // { filename: 'senacs-annuaire-69.csv', … }
 */
export async function exportDirectory(p: { db: Db; filters: StructureFilters; format: 'csv' | 'xlsx'; name: string }): Promise<Download> {
  const { items } = await listStructures(p.db, p.filters, { offset: 0, limit: MAX_DIRECTORY_ROWS });
  return tableDownload(directoryTable(items), p.format, p.name);
}
