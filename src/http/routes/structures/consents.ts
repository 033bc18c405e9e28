import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentConsentList } from '../../presenters/consent';
import { requestConsents } from '../../../app/consents/requestConsents';
import { listConsents } from '../../../app/consents/listConsents';
import { consentListResponse, consentRequestBody, consentRequestResponse } from '../consents/schema';

export const structureConsentDocs = [
  { method: 'get', path: '/api/structures/:id/consents', summary: 'Demandes de comparaison et registre des accords (direction)', tag: 'comparaison', auth: 'session', response: consentListResponse },
  { method: 'post', path: '/api/structures/:id/consents', summary: 'Demander à d’autres structures de se comparer nommément (direction)', tag: 'comparaison', auth: 'session', body: consentRequestBody, status: 201, response: consentRequestResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's requests to compare by name with others, and the ledger of consents (direction).
 * @example app.route('/', structureConsentRoutes());
 */
export function structureConsentRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/consents', async (c) => c.json(presentConsentList(await listConsents({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) }))));
  app.post('/structures/:id/consents', async (c) => {
    const id = readId(c);
    const body = await readBody(c, consentRequestBody);
    return c.json(await requestConsents({ db: c.var.deps.db, actor: c.var.actor, structureId: id, targetIds: body.targetIds }), 201);
  });
  return app;
}
