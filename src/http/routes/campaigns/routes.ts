import { Hono } from 'hono';
import { z } from 'zod';
import type { TerritoryScope } from '../../../db/campaign.repo';
import { findCampaign } from '../../../app/campaigns/findCampaign';
import { followedTerritory } from '../../../app/territories/followedTerritory';
import { getCampaignProgress } from '../../../app/campaigns/getCampaignProgress';
import { getCampaigns } from '../../../app/campaigns/getCampaigns';
import { followUpSorts, listFollowUp } from '../../../app/campaigns/listFollowUp';
import type { Context } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { campaignListResponse, campaignProgressResponse, followUpResponse } from './schema';

const territoryQuery = z.object({
  level: z.enum(['nation', 'region', 'departement']).default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});
const responsesQuery = territoryQuery.extend({
  state: z.enum(['not_started', 'in_progress', 'submitted', 'returned', 'validated', 'locked']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  scoreBelow: z.coerce.number().int().min(1).max(101).optional(),
  openQueries: z.enum(['with', 'without']).optional(),
  sort: z.enum(followUpSorts).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
});

export const campaignDocs = [
  { method: 'get', path: '/api/campaigns', summary: 'Campagnes annuelles', tag: 'campagnes', response: campaignListResponse },
  { method: 'get', path: '/api/campaigns/:year/progress', summary: 'Avancement d’une campagne sur un territoire (privé)', tag: 'campagnes', auth: 'session', query: territoryQuery, response: campaignProgressResponse },
  { method: 'get', path: '/api/campaigns/:year/responses', summary: 'Réponses d’un territoire (privé)', tag: 'campagnes', auth: 'session', query: responsesQuery, response: followUpResponse },
] as const satisfies readonly RouteDoc[];

/** Resolves the territory asked for and checks the actor follows it. */
export async function authorizeTerritory(c: Context<Env>, level: 'nation' | 'region' | 'departement', code: string | undefined): Promise<TerritoryScope> {
  return followedTerritory({ db: c.var.deps.db, actor: c.var.actor, level, code });
}

/** The campaign of the `:year` path parameter, or a 404. */
export async function campaignOf(c: Context<Env>) {
  return findCampaign({ db: c.var.deps.db, year: c.req.param('year') ?? '' });
}

export function campaignRoutes() {
  const app = new Hono<Env>();
  app.get('/campaigns', async (c) => {
    const items = await getCampaigns({ db: c.var.deps.db });
    return c.json({ items, total: items.length });
  });
  app.get('/campaigns/:year/progress', async (c) => {
    const q = readQuery(c, territoryQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json({ campaign: { year: campaign.year, state: campaign.state }, territory: scope, ...(await getCampaignProgress({ db: c.var.deps.db, campaignId: campaign.id, scope })) });
  });
  app.get('/campaigns/:year/responses', async (c) => {
    const q = readQuery(c, responsesQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json(await listFollowUp({ db: c.var.deps.db, campaignId: campaign.id, scope, filter: { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, state: q.state, scoreBelow: q.scoreBelow, openQueries: q.openQueries, sort: q.sort, dir: q.dir } }));
  });
  return app;
}
