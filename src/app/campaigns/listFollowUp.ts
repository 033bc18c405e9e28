import { listTerritoryResponses, type FollowUpFilter, type TerritoryScope } from '../../db/campaign.repo';
import type { Db } from '../../db/connection';

/**
 * The follow-up list of a territory the caller has authorized: one row per expected structure with its
 * response's state, score and open queries, filtered, sorted and paged.
 * @example await listFollowUp({ db, campaignId: 2, scope: { level: 'departement', code: '69' }, filter: { offset: 0, limit: 50 } }) // { items: […], total: 87 }
 */
export async function listFollowUp(p: { db: Db; campaignId: number; scope: TerritoryScope; filter: FollowUpFilter }) {
  return listTerritoryResponses(p.db, p.campaignId, p.scope, p.filter);
}

/** The columns the follow-up list can be sorted by. */
export { followUpSorts } from '../../db/campaign.repo';
