import { campaignProgress, type TerritoryScope } from '../../db/campaign.repo';
import type { Db } from '../../db/connection';

/**
 * How far a campaign is on a territory the caller has authorized: responses by state.
 * @example await getCampaignProgress({ db, campaignId: 2, scope: { level: 'nation' } }) // { expected: 4100, byState: { submitted: 812, … }, … }
 */
export async function getCampaignProgress(p: { db: Db; campaignId: number; scope: TerritoryScope }) {
  return campaignProgress(p.db, p.campaignId, p.scope);
}
