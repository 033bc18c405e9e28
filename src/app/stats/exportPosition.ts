import { getStructure } from '../../db/structure.repo';
import { positionTable } from '../../reports/table/figures';
import { structurePosition } from './structurePosition';
import { tableDownload, type Download } from '../files/tableDownload';

/**
 * A structure's position among its peers (private, same access as the page) as a CSV or XLSX file.
 * @example await exportPosition({ db, actor, structureId: 12, year: 2024, peers, format: 'xlsx' }) // { filename: 'senacs-position-12-2024.xlsx', … }
 */
export async function exportPosition(p: Parameters<typeof structurePosition>[0] & { format: 'csv' | 'xlsx' }): Promise<Download> {
  const pos = await structurePosition(p);
  const s = await getStructure(p.db, p.structureId);
  return tableDownload(positionTable({ year: pos.year, structureName: s?.name ?? `structure ${p.structureId}`, indicators: pos.indicators }), p.format, `position-${p.structureId}-${pos.year}`);
}
