import type { Context } from 'hono';
import type { TerritoryScope } from '../../../db/campaign.repo';
import { findCampaign } from '../../../app/campaigns/findCampaign';
import { followedTerritory } from '../../../app/territories/followedTerritory';
import type { Env } from '../../context';

/**
 * Resolves the territory asked for and checks the actor follows it.
 * @example const scope = await authorizeTerritory(c, q.level, q.code);
 */
export async function authorizeTerritory(c: Context<Env>, level: 'nation' | 'region' | 'departement', code: string | undefined): Promise<TerritoryScope> {
  return followedTerritory({ db: c.var.deps.db, actor: c.var.actor, level, code });
}

/**
 * The campaign of the `:year` path parameter, or a 404.
 * @example const campaign = await campaignOf(c);
 */
export async function campaignOf(c: Context<Env>) {
  return findCampaign({ db: c.var.deps.db, year: c.req.param('year') ?? '' });
}
