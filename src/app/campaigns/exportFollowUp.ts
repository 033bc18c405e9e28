import { listTerritoryResponses, type TerritoryScope } from '../../db/campaign.repo';
import type { Db } from '../../db/connection';
import type { ResponseState } from '../../domain/responseState';
import { responsesTable } from '../../reports/table/lists';
import { tableDownload, type Download } from '../files/tableDownload';

/** At most this many rows in one file (the national directory holds about 4,100 structures). */
const MAX_ROWS = 20_000;

/**
 * The follow-up list of a territory the caller has authorized (one row per expected structure) as a CSV or XLSX file.
 * @example await exportFollowUp({ db, campaign: { id: 2, year: 2025 }, scope: { level: 'departement', code: '69' }, format: 'csv' }) // { filename: 'senacs-suivi-2025-departement-69.csv', … }
 */
export async function exportFollowUp(p: { db: Db; campaign: { id: number; year: number }; scope: TerritoryScope; state?: ResponseState; format: 'csv' | 'xlsx' }): Promise<Download> {
  const { campaign, scope } = p;
  const { items } = await listTerritoryResponses(p.db, campaign.id, scope, { offset: 0, limit: MAX_ROWS, state: p.state });
  return tableDownload(responsesTable(campaign.year, items), p.format, `suivi-${campaign.year}-${scope.level}${'code' in scope ? `-${scope.code}` : ''}`);
}
