import { Hono } from 'hono';
import { getCampaignProgress } from '../../../app/campaigns/getCampaignProgress';
import { listFollowUp } from '../../../app/campaigns/listFollowUp';
import { getCampaignCockpit } from '../../../app/campaigns/getCampaignCockpit';
import { sendReminders } from '../../../app/campaigns/sendReminders';
import { readConfig } from '../../../config';
import { AppError } from '../../../domain/errors';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentCockpit, presentFollowUpRow } from '../../presenters/campaign';
import { authorizeTerritory, campaignOf } from './access';
import { campaignProgressResponse, cockpitResponse, followUpResponse, remindersResponse, responsesQuery, territoryQuery } from './schema';

export const progressDocs = [
  { method: 'get', path: '/api/campaigns/:year/progress', summary: 'Avancement d’une campagne sur un territoire (privé)', tag: 'campagnes', auth: 'session', query: territoryQuery, response: campaignProgressResponse },
  { method: 'get', path: '/api/campaigns/:year/responses', summary: 'Réponses d’un territoire (privé)', tag: 'campagnes', auth: 'session', query: responsesQuery, response: followUpResponse },
  { method: 'get', path: '/api/campaigns/:year/cockpit', summary: 'Tableau de bord de suivi d’un territoire (privé)', tag: 'campagnes', auth: 'session', query: territoryQuery, response: cockpitResponse },
  { method: 'post', path: '/api/campaigns/:year/reminders', summary: 'Relancer les structures en retard d’un territoire', tag: 'campagnes', auth: 'session', query: territoryQuery, response: remindersResponse },
] as const satisfies readonly RouteDoc[];

/**
 * Following a campaign on a territory: progress, the follow-up list, the cockpit and reminders.
 * @example app.route('/', progressRoutes());
 */
export function progressRoutes() {
  const app = new Hono<Env>();
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
    const list = await listFollowUp({ db: c.var.deps.db, campaignId: campaign.id, scope, filter: { offset: (q.page - 1) * q.pageSize, limit: q.pageSize, state: q.state, scoreBelow: q.scoreBelow, openQueries: q.openQueries, sort: q.sort, dir: q.dir } });
    return c.json({ items: list.items.map(presentFollowUpRow), total: list.total });
  });
  app.get('/campaigns/:year/cockpit', async (c) => {
    const q = readQuery(c, territoryQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json(presentCockpit(campaign, scope, await getCampaignCockpit({ db: c.var.deps.db, campaign, scope })));
  });
  app.post('/campaigns/:year/reminders', async (c) => {
    const q = readQuery(c, territoryQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    if (campaign.state !== 'open') throw new AppError('conflict', 'On ne relance que pendant une campagne ouverte.');
    const config = readConfig();
    const appUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    return c.json(await sendReminders({ db: c.var.deps.db, actor: c.var.actor, campaign, scope, appUrl, ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}) }));
  });
  return app;
}
