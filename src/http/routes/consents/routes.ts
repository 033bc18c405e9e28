import { Hono } from 'hono';
import type { Env } from '../../context';
import { readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { decideConsent } from '../../../app/consents/decideConsent';
import { withdrawConsent } from '../../../app/consents/withdrawConsent';
import { consentDecisionResponse } from './schema';

export const consentDocs = [
  { method: 'post', path: '/api/consents/:id/accept', summary: 'Accepter une demande de comparaison (direction sollicitée)', tag: 'comparaison', auth: 'session', response: consentDecisionResponse },
  { method: 'post', path: '/api/consents/:id/refuse', summary: 'Refuser une demande de comparaison (direction sollicitée)', tag: 'comparaison', auth: 'session', response: consentDecisionResponse },
  { method: 'post', path: '/api/consents/:id/withdraw', summary: 'Retirer un accord ou une demande (direction de l’une ou l’autre structure)', tag: 'comparaison', auth: 'session', response: consentDecisionResponse },
] as const satisfies readonly RouteDoc[];

/**
 * /consents/:id: accept, refuse or withdraw a request to compare by name (requested under /structures/:id/consents).
 * @example api.route('/', consentRoutes());
 */
export function consentRoutes() {
  const app = new Hono<Env>();
  app.post('/consents/:id/accept', async (c) => c.json(await decideConsent({ db: c.var.deps.db, actor: c.var.actor, requestId: readId(c), decision: 'accept' })));
  app.post('/consents/:id/refuse', async (c) => c.json(await decideConsent({ db: c.var.deps.db, actor: c.var.actor, requestId: readId(c), decision: 'refuse' })));
  app.post('/consents/:id/withdraw', async (c) => c.json(await withdrawConsent({ db: c.var.deps.db, actor: c.var.actor, requestId: readId(c) })));
  return app;
}
