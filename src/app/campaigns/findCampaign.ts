import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { AppError } from '../../domain/errors';

/**
 * The campaign of a year as written in a path (`'2025'`), or a 404: a string that is not a year names nothing.
 * @example const campaign = await findCampaign({ db, year: '2025' }); // { id: 2, year: 2025, state: 'open', … }
 */
export async function findCampaign(p: { db: Db; year: string }) {
  const campaign = /^\d{4}$/.test(p.year) ? await getCampaignByYear(p.db, Number(p.year)) : undefined;
  if (!campaign) throw new AppError('not_found', 'Campagne introuvable.');
  return campaign;
}
