import { dashboardTable } from '../../reports/table/figures';
import { getDashboard } from './getDashboard';
import { tableDownload, type Download } from '../files/tableDownload';

/**
 * A territory's dashboard as a CSV or XLSX file: the same cells as the screen (same use case, same gate),
 * suppressed cells marked.
 * @example await exportDashboard({ db, actor, year: 2024, level: 'region', code: '84', format: 'xlsx' }) // { filename: 'senacs-tableau-de-bord-2024-region-84.xlsx', … }
 */
export async function exportDashboard(p: Parameters<typeof getDashboard>[0] & { format: 'csv' | 'xlsx' }): Promise<Download> {
  const d = await getDashboard(p);
  return tableDownload(dashboardTable(d), p.format, `tableau-de-bord-${d.year}-${d.territory.level}-${d.territory.code}${d.view === 'working' ? '-travail' : ''}`);
}
