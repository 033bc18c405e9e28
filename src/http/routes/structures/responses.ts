import { Hono } from 'hono';
import { listStructureCampaignResponses } from '../../../app/campaigns/listStructureCampaignResponses';
import { openResponse } from '../../../app/responses/openResponse';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentStructureResponse } from '../../presenters/structure';
import { openedResponse } from '../responses/schema';
import { structureResponsesResponse } from './schema';

export const structureResponseDocs = [
  { method: 'get', path: '/api/structures/:id/responses', summary: 'Réponses de la structure aux campagnes (privé)', tag: 'structures', auth: 'session', response: structureResponsesResponse },
  { method: 'post', path: '/api/structures/:id/campaigns/:year/response', summary: 'Ouvrir (et créer, prérempli) la réponse d’une structure à une campagne', tag: 'réponses', auth: 'session', response: openedResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's responses: the list over the campaigns, and opening (creating) the one of a campaign.
 * @example app.route('/', structureResponseRoutes());
 */
export function structureResponseRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/responses', async (c) => {
    const items = await listStructureCampaignResponses({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) });
    return c.json({ items: items.map(presentStructureResponse), total: items.length });
  });
  app.post('/structures/:id/campaigns/:year/response', async (c) => {
    const year = c.req.param('year');
    if (!/^\d{4}$/.test(year)) throw new AppError('not_found', 'Campagne introuvable.');
    return c.json(await openResponse({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c), year: Number(year) }));
  });
  return app;
}
