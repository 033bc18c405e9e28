import { Hono } from 'hono';
import { z } from 'zod';
import { campaignProgress, getCampaignByYear, listCampaigns, followUpSorts, listTerritoryResponses, type TerritoryScope } from '../../../db/campaign.repo';
import { getDepartement, getRegion } from '../../../db/territory.repo';
import { AppError } from '../../../domain/errors';
import { canFollowTerritory, type TerritoryRef } from '../../../policies/territory';
import type { Context } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';

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

export const campaignDocs: RouteDoc[] = [
  { method: 'get', path: '/api/campaigns', summary: 'Campagnes annuelles', tag: 'campagnes' },
  { method: 'get', path: '/api/campaigns/:year/progress', summary: 'Avancement d’une campagne sur un territoire (privé)', tag: 'campagnes', auth: 'session', query: territoryQuery },
  { method: 'get', path: '/api/campaigns/:year/responses', summary: 'Réponses d’un territoire (privé)', tag: 'campagnes', auth: 'session', query: responsesQuery },
];

/** Resolves the territory asked for and checks the actor follows it. */
export async function authorizeTerritory(c: Context<Env>, level: 'nation' | 'region' | 'departement', code: string | undefined): Promise<TerritoryScope> {
  const { db } = c.var.deps;
  if (!c.var.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour suivre une campagne.');
  let ref: TerritoryRef;
  if (level === 'nation') ref = { level };
  else {
    if (!code) throw new AppError('validation_failed', 'Le code du territoire est requis pour ce niveau.');
    if (level === 'region') {
      if (!(await getRegion(db, code))) throw new AppError('not_found', 'Région introuvable.');
      ref = { level, code };
    } else {
      const d = await getDepartement(db, code);
      if (!d) throw new AppError('not_found', 'Département introuvable.');
      ref = { level, code, regionCode: d.region_code };
    }
  }
  if (!canFollowTerritory(c.var.actor, ref)) throw new AppError('forbidden', 'Vous ne suivez pas ce territoire.');
  return ref.level === 'nation' ? ref : { level: ref.level, code: ref.code };
}

/** The campaign of the `:year` path parameter, or a 404. */
export async function campaignOf(c: Context<Env>) {
  const year = c.req.param('year') ?? '';
  const campaign = /^\d{4}$/.test(year) ? await getCampaignByYear(c.var.deps.db, Number(year)) : undefined;
  if (!campaign) throw new AppError('not_found', 'Campagne introuvable.');
  return campaign;
}

export function campaignRoutes() {
  const app = new Hono<Env>();
  app.get('/campaigns', async (c) => {
    const items = await listCampaigns(c.var.deps.db);
    return c.json({ items, total: items.length });
  });
  app.get('/campaigns/:year/progress', async (c) => {
    const q = readQuery(c, territoryQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json({ campaign: { year: campaign.year, state: campaign.state }, territory: scope, ...(await campaignProgress(c.var.deps.db, campaign.id, scope)) });
  });
  app.get('/campaigns/:year/responses', async (c) => {
    const q = readQuery(c, responsesQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json(await listTerritoryResponses(c.var.deps.db, campaign.id, scope, { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, state: q.state, scoreBelow: q.scoreBelow, openQueries: q.openQueries, sort: q.sort, dir: q.dir }));
  });
  return app;
}
