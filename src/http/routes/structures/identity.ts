import { Hono } from 'hono';
import type { Env } from '../../context';
import { editStructureIdentity } from '../../../app/structures/editStructureIdentity';
import { closeCorrectionRequest, correctionsOfStructure, requestCorrection } from '../../../app/structures/structureCorrections';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentCorrection } from '../../presenters/correction';
import {
  closeCorrectionBody, correctionBody, correctionClosedResponse, correctionCreatedResponse, correctionListResponse, identityBody, identityEditResponse,
} from '../directory/schema';

export const identityDocs = [
  { method: 'patch', path: '/api/structures/:id/identity', summary: 'Corriger la fiche d’identité d’une structure (mêmes contrôles que l’import, audité) — correspondants du territoire, coordination régionale, national', tag: 'annuaire', auth: 'session', body: identityBody, response: identityEditResponse },
  { method: 'get', path: '/api/structures/:id/corrections', summary: 'Demandes de correction de la fiche d’une structure', tag: 'annuaire', auth: 'session', response: correctionListResponse },
  { method: 'post', path: '/api/structures/:id/corrections', summary: 'Demander une correction de la fiche d’identité — équipe de la structure', tag: 'annuaire', auth: 'session', body: correctionBody, status: 201, response: correctionCreatedResponse },
  { method: 'post', path: '/api/structures/:id/corrections/:correctionId/close', summary: 'Clore une demande de correction (corrigée ou refusée) — correspondants du territoire', tag: 'annuaire', auth: 'session', body: closeCorrectionBody, response: correctionClosedResponse },
] as const satisfies readonly RouteDoc[];

/**
 * Correcting a structure's identity card, and the correction requests of its team.
 * @example app.route('/', identityRoutes());
 */
export function identityRoutes() {
  const app = new Hono<Env>();
  app.patch('/structures/:id/identity', async (c) => {
    const id = readId(c);
    const patch = await readBody(c, identityBody);
    return c.json(await editStructureIdentity({ db: c.var.deps.db, actor: c.var.actor, structureId: id, patch }));
  });
  app.get('/structures/:id/corrections', async (c) => {
    const items = await correctionsOfStructure({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) });
    return c.json(items.map(presentCorrection));
  });
  app.post('/structures/:id/corrections', async (c) => {
    const id = readId(c);
    const { body } = await readBody(c, correctionBody);
    return c.json(await requestCorrection({ db: c.var.deps.db, actor: c.var.actor, structureId: id, body }), 201);
  });
  app.post('/structures/:id/corrections/:correctionId/close', async (c) => {
    const id = readId(c);
    const correctionId = readId(c, 'correctionId');
    const { state } = await readBody(c, closeCorrectionBody);
    return c.json(await closeCorrectionRequest({ db: c.var.deps.db, actor: c.var.actor, structureId: id, correctionId, state }));
  });
  return app;
}
