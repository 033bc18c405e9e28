import type { Db } from '../../db/connection';
import { listCampaigns } from '../../db/campaign.repo';

/**
 * The yearly campaigns, most recent first, with their state and dates.
 * @example await getCampaigns({ db }) // [{ id: 2, year: 2025, state: 'open', … }, …]
 */
export async function getCampaigns(p: { db: Db }) {
  return listCampaigns(p.db);
}
