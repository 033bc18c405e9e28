import { Hono, type Context } from 'hono';
import { openQuery, answerQuery } from '../../../app/responses/queryAnswer';
import { reviewResponse } from '../../../app/responses/reviewResponse';
import { changeCampaignState, prepareCampaign } from '../../../app/campaigns/manageCampaign';
import { sendReminders } from '../../../app/campaigns/sendReminders';
import { retryMail } from '../../../app/outbox/retryMail';
import { authorizeResponse } from '../../../app/responses/responseAccess';
import { getResponseQuality } from '../../../app/quality/getResponseQuality';
import { getCampaignCockpit } from '../../../app/campaigns/getCampaignCockpit';
import { listOutboxMails } from '../../../app/outbox/listOutboxMails';
import { listResponseQueries } from '../../../app/responses/listResponseQueries';
import { AppError } from '../../../domain/errors';
import { readConfig } from '../../../config';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { authorizeTerritory, campaignOf } from '../campaigns/routes';
import {
  campaignStateResponse, cockpitResponse, deadlineBody, deadlinesResponse, openQueryBody, outboxQuery, outboxResponse, prepareCampaignBody, preparedCampaign,
  qualityResponse, queryListResponse, queryMessageBody, queryStateResponse, reasonBody, remindersResponse, retriedMail, reviewedResponse, territoryQuery,
} from './schema';
import { setTerritoryDeadline } from '../../../app/campaigns/setTerritoryDeadline';
import { parseDeadlines } from '../../../domain/deadlines';

export const workflowDocs = [
  { method: 'get', path: '/api/responses/:id/quality', summary: 'Qualité d’une réponse : score 0–100, constats avec leur raison (règles du questionnaire, évolution, pairs), équipe de la structure et correspondants', tag: 'contrôle', auth: 'session', response: qualityResponse },
  { method: 'get', path: '/api/responses/:id/queries', summary: 'Questions des correspondants sur la réponse, avec leurs échanges', tag: 'contrôle', auth: 'session', response: queryListResponse },
  { method: 'post', path: '/api/responses/:id/queries', summary: 'Questionner une réponse (correspondant) : la réponse est renvoyée, seule cette réponse se déverrouille', tag: 'contrôle', auth: 'session', body: openQueryBody, response: queryStateResponse },
  { method: 'post', path: '/api/queries/:id/reply', summary: 'Répondre à une question (structure)', tag: 'contrôle', auth: 'session', body: queryMessageBody, response: queryStateResponse },
  { method: 'post', path: '/api/queries/:id/close', summary: 'Clore une question (correspondant)', tag: 'contrôle', auth: 'session', body: queryMessageBody, response: queryStateResponse },
  { method: 'post', path: '/api/queries/:id/ask-again', summary: 'Relancer une question (correspondant)', tag: 'contrôle', auth: 'session', body: queryMessageBody, response: queryStateResponse },
  { method: 'post', path: '/api/responses/:id/validate', summary: 'Valider une réponse transmise (correspondant)', tag: 'contrôle', auth: 'session', response: reviewedResponse },
  { method: 'post', path: '/api/responses/:id/reopen', summary: 'Rouvrir une réponse, avec un motif', tag: 'contrôle', auth: 'session', body: reasonBody, response: reviewedResponse },
  { method: 'post', path: '/api/responses/:id/unlock', summary: 'Déverrouiller une réponse (administration nationale), avec un motif', tag: 'contrôle', auth: 'session', body: reasonBody, response: reviewedResponse },
  { method: 'post', path: '/api/campaigns', summary: 'Préparer une campagne (administration nationale)', tag: 'campagnes', auth: 'session', body: prepareCampaignBody, response: preparedCampaign },
  { method: 'post', path: '/api/campaigns/:year/open', summary: 'Ouvrir une campagne préparée', tag: 'campagnes', auth: 'session', response: campaignStateResponse },
  { method: 'post', path: '/api/campaigns/:year/close', summary: 'Clore une campagne (verrouille les réponses validées)', tag: 'campagnes', auth: 'session', response: campaignStateResponse },
  { method: 'put', path: '/api/campaigns/:year/deadlines', summary: 'Accorder (ou retirer, date null) un délai plus tardif à une région ou un département (administration nationale)', tag: 'campagnes', auth: 'session', body: deadlineBody, response: deadlinesResponse },
  { method: 'get', path: '/api/campaigns/:year/cockpit', summary: 'Tableau de bord de suivi d’un territoire (privé)', tag: 'campagnes', auth: 'session', query: territoryQuery, response: cockpitResponse },
  { method: 'post', path: '/api/campaigns/:year/reminders', summary: 'Relancer les structures en retard d’un territoire', tag: 'campagnes', auth: 'session', query: territoryQuery, response: remindersResponse },
  { method: 'get', path: '/api/outbox', summary: 'Courriels préparés (boîte d’envoi) d’un territoire', tag: 'campagnes', auth: 'session', query: outboxQuery, response: outboxResponse },
  { method: 'post', path: '/api/outbox/:id/retry', summary: 'Renvoyer un courriel abandonné après ses essais (administration nationale)', tag: 'campagnes', auth: 'session', response: retriedMail },
] as const satisfies readonly RouteDoc[];

export function workflowRoutes() {
  const app = new Hono<Env>();
  const deps = (c: Context<Env>) => ({ db: c.var.deps.db, live: c.var.deps.live, actor: c.var.actor });

  app.get('/responses/:id/quality', async (c) => c.json(await getResponseQuality({ db: c.var.deps.db, actor: c.var.actor, responseId: readId(c) })));
  app.get('/responses/:id/queries', async (c) => {
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    const items = await listResponseQueries({ db: c.var.deps.db, responseId: r.id });
    return c.json({ items, total: items.length });
  });
  app.post('/responses/:id/queries', async (c) => {
    const body = await readBody(c, openQueryBody);
    return c.json(await openQuery({ ...deps(c), responseId: readId(c), ...body }));
  });
  for (const [path, action] of [['reply', 'reply'], ['close', 'close'], ['ask-again', 'ask_again']] as const) {
    app.post(`/queries/:id/${path}`, async (c) => {
      const body = await readBody(c, queryMessageBody);
      return c.json(await answerQuery({ db: c.var.deps.db, actor: c.var.actor, queryId: readId(c), body: body.body, action }));
    });
  }
  app.post('/responses/:id/validate', async (c) => c.json(await reviewResponse({ ...deps(c), responseId: readId(c), action: 'validate' })));
  for (const action of ['reopen', 'unlock'] as const) {
    app.post(`/responses/:id/${action}`, async (c) => {
      const body = await readBody(c, reasonBody);
      return c.json(await reviewResponse({ ...deps(c), responseId: readId(c), action, reason: body.reason }));
    });
  }

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
  app.get('/campaigns/:year/cockpit', async (c) => {
    const q = readQuery(c, territoryQuery);
    const campaign = await campaignOf(c);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json({ campaign: { year: campaign.year, state: campaign.state, closes_on: campaign.closes_on, deadlines: parseDeadlines(campaign.deadlines) }, territory: scope, ...(await getCampaignCockpit({ db: c.var.deps.db, campaign, scope })) });
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
  app.get('/outbox', async (c) => {
    const q = readQuery(c, outboxQuery);
    const scope = await authorizeTerritory(c, q.level, q.code);
    return c.json(await listOutboxMails({ db: c.var.deps.db, actor: c.var.actor, scope, page: { offset: (q.page - 1) * q.pageSize, limit: q.pageSize } }));
  });
  app.post('/outbox/:id/retry', async (c) => {
    const config = readConfig();
    return c.json(await retryMail({ db: c.var.deps.db, actor: c.var.actor, mailId: readId(c), ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}) }));
  });
  return app;
}
