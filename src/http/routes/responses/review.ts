import { Hono, type Context } from 'hono';
import { openQuery } from '../../../app/responses/queryAnswer';
import { reviewResponse } from '../../../app/responses/reviewResponse';
import { authorizeResponse } from '../../../app/responses/responseAccess';
import { getResponseQuality } from '../../../app/quality/getResponseQuality';
import { listResponseQueries } from '../../../app/responses/listResponseQueries';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentQuery } from '../../presenters/query';
import { openQueryBody, qualityResponse, queryListResponse, queryStateResponse, reasonBody, reviewedResponse } from './review.schema';

export const reviewDocs = [
  { method: 'get', path: '/api/responses/:id/quality', summary: 'Qualité d’une réponse : score 0–100, constats avec leur raison (règles du questionnaire, évolution, pairs), équipe de la structure et correspondants', tag: 'contrôle', auth: 'session', response: qualityResponse },
  { method: 'get', path: '/api/responses/:id/queries', summary: 'Questions des correspondants sur la réponse, avec leurs échanges', tag: 'contrôle', auth: 'session', response: queryListResponse },
  { method: 'post', path: '/api/responses/:id/queries', summary: 'Questionner une réponse (correspondant) : la réponse est renvoyée, seule cette réponse se déverrouille', tag: 'contrôle', auth: 'session', body: openQueryBody, response: queryStateResponse },
  { method: 'post', path: '/api/responses/:id/validate', summary: 'Valider une réponse transmise (correspondant)', tag: 'contrôle', auth: 'session', response: reviewedResponse },
  { method: 'post', path: '/api/responses/:id/reopen', summary: 'Rouvrir une réponse, avec un motif', tag: 'contrôle', auth: 'session', body: reasonBody, response: reviewedResponse },
  { method: 'post', path: '/api/responses/:id/unlock', summary: 'Déverrouiller une réponse (administration nationale), avec un motif', tag: 'contrôle', auth: 'session', body: reasonBody, response: reviewedResponse },
] as const satisfies readonly RouteDoc[];

/**
 * The correspondents' review of a response: its quality, queries on its answers, validate, reopen, unlock
 * (replies to a query are under /queries).
 * @example app.route('/', reviewRoutes());
 */
export function reviewRoutes() {
  const app = new Hono<Env>();
  const deps = (c: Context<Env>) => ({ db: c.var.deps.db, live: c.var.deps.live, actor: c.var.actor });

  app.get('/responses/:id/quality', async (c) => c.json(await getResponseQuality({ db: c.var.deps.db, actor: c.var.actor, responseId: readId(c) })));
  app.get('/responses/:id/queries', async (c) => {
    const r = await authorizeResponse(c.var.deps.db, c.var.actor, readId(c), 'readPrivate');
    const items = await listResponseQueries({ db: c.var.deps.db, responseId: r.id });
    return c.json({ items: items.map(presentQuery), total: items.length });
  });
  app.post('/responses/:id/queries', async (c) => {
    const body = await readBody(c, openQueryBody);
    return c.json(await openQuery({ ...deps(c), responseId: readId(c), ...body }));
  });
  app.post('/responses/:id/validate', async (c) => c.json(await reviewResponse({ ...deps(c), responseId: readId(c), action: 'validate' })));
  for (const action of ['reopen', 'unlock'] as const) {
    app.post(`/responses/:id/${action}`, async (c) => {
      const body = await readBody(c, reasonBody);
      return c.json(await reviewResponse({ ...deps(c), responseId: readId(c), action, reason: body.reason }));
    });
  }
  return app;
}
