import { Hono } from 'hono';
import { getCampaigns } from '../../../app/campaigns/getCampaigns';
import { changeCampaignState, prepareCampaign } from '../../../app/campaigns/manageCampaign';
import { setTerritoryDeadline } from '../../../app/campaigns/setTerritoryDeadline';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentCampaign } from '../../presenters/campaign';
import { localQuestionDocs, localQuestionRoutes } from './localQuestions';
import { progressDocs, progressRoutes } from './progress';
import { responseFileDocs, responseFileRoutes } from './responseFiles';
import { campaignListResponse, campaignStateResponse, deadlineBody, deadlinesResponse, preparedCampaign, prepareCampaignBody } from './schema';

export const campaignDocs = [
  { method: 'get', path: '/api/campaigns', summary: 'Campagnes annuelles', tag: 'campagnes', response: campaignListResponse },
  { method: 'post', path: '/api/campaigns', summary: 'Préparer une campagne (administration nationale)', tag: 'campagnes', auth: 'session', body: prepareCampaignBody, response: preparedCampaign },
  { method: 'post', path: '/api/campaigns/:year/open', summary: 'Ouvrir une campagne préparée', tag: 'campagnes', auth: 'session', response: campaignStateResponse },
  { method: 'post', path: '/api/campaigns/:year/close', summary: 'Clore une campagne (verrouille les réponses validées)', tag: 'campagnes', auth: 'session', response: campaignStateResponse },
  { method: 'put', path: '/api/campaigns/:year/deadlines', summary: 'Accorder (ou retirer, date null) un délai plus tardif à une région ou un département (administration nationale)', tag: 'campagnes', auth: 'session', body: deadlineBody, response: deadlinesResponse },
  ...progressDocs,
  ...localQuestionDocs,
  ...responseFileDocs,
] as const satisfies readonly RouteDoc[];

/**
 * /campaigns: the campaigns and their life (prepare, open, close, deadlines); follow-up in progress.ts,
 * local questions in localQuestions.ts, response import and export in responseFiles.ts.
 * @example api.route('/', campaignRoutes());
 */
export function campaignRoutes() {
  const app = new Hono<Env>();
  app.get('/campaigns', async (c) => {
    const items = await getCampaigns({ db: c.var.deps.db });
    return c.json({ items: items.map(presentCampaign), total: items.length });
  });
  app.post('/campaigns', async (c) => {
    const body = await readBody(c, prepareCampaignBody);
    return c.json(await prepareCampaign({ db: c.var.deps.db, actor: c.var.actor, ...body }));
  });
  for (const action of ['open', 'close'] as const) {
    app.post(`/campaigns/:year/${action}`, async (c) => {
      const year = c.req.param('year') ?? '';
      if (!/^\d{4}$/.test(year)) throw new AppError('not_found', 'Campagne introuvable.');
      return c.json(await changeCampaignState({ db: c.var.deps.db, actor: c.var.actor, year: Number(year), action }));
    });
  }
  app.put('/campaigns/:year/deadlines', async (c) => {
    const year = c.req.param('year') ?? '';
    if (!/^\d{4}$/.test(year)) throw new AppError('not_found', 'Campagne introuvable.');
    const body = await readBody(c, deadlineBody);
    return c.json(await setTerritoryDeadline({ db: c.var.deps.db, actor: c.var.actor, year: Number(year), ...body }));
  });
  app.route('/', progressRoutes());
  app.route('/', localQuestionRoutes());
  app.route('/', responseFileRoutes());
  return app;
}
