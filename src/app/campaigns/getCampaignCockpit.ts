import type { TerritoryScope } from '../../db/campaign.repo';
import { campaignCockpit, type CampaignDates } from '../../db/cockpit.repo';
import type { Db } from '../../db/connection';

/**
 * The follow-up dashboard of a territory the caller has authorized: states, timing, scores, queries, the latest structures.
 * @example await getCampaignCockpit({ db, campaign, scope: { level: 'region', code: '84' } })
 */
export async function getCampaignCockpit(p: { db: Db; campaign: CampaignDates; scope: TerritoryScope }) {
  return campaignCockpit(p.db, p.campaign, p.scope);
}
