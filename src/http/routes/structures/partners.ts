import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getStructurePartners } from '../../../app/partners/getStructurePartners';
import { savePartner } from '../../../app/partners/savePartner';
import { removePartner } from '../../../app/partners/removePartner';
import { setPartnerSharing } from '../../../app/partners/setPartnerSharing';
import { okResponse } from '../auth/schema';
import { partnerBody, partnerSharingView, partnerView, sharingBody, structurePartnersResponse } from '../partners/schema';

export const structurePartnerDocs = [
  { method: 'get', path: '/api/structures/:id/partners', summary: 'Partenaires déclarés par une structure et son accord de partage (privé)', tag: 'partenaires', auth: 'session', response: structurePartnersResponse },
  { method: 'post', path: '/api/structures/:id/partners', summary: 'Déclarer un partenaire (personnes de la structure)', tag: 'partenaires', auth: 'session', body: partnerBody, status: 201, response: partnerView },
  { method: 'put', path: '/api/structures/:id/partners/:partnerId', summary: 'Modifier un partenaire déclaré (personnes de la structure)', tag: 'partenaires', auth: 'session', body: partnerBody, response: partnerView },
  { method: 'delete', path: '/api/structures/:id/partners/:partnerId', summary: 'Retirer un partenaire déclaré (personnes de la structure)', tag: 'partenaires', auth: 'session', response: okResponse },
  { method: 'post', path: '/api/structures/:id/partner-sharing', summary: 'Partager ou non les partenaires de la structure avec le réseau (direction)', tag: 'partenaires', auth: 'session', body: sharingBody, response: partnerSharingView },
] as const satisfies readonly RouteDoc[];

/**
 * The partners a structure declares, and whether it shares them with the network.
 * @example app.route('/', structurePartnerRoutes());
 */
export function structurePartnerRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/partners', async (c) => c.json(await getStructurePartners({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) })));
  app.post('/structures/:id/partners', async (c) => {
    const id = readId(c);
    const body = await readBody(c, partnerBody);
    return c.json(await savePartner({ db: c.var.deps.db, actor: c.var.actor, structureId: id, input: body }), 201);
  });
  app.put('/structures/:id/partners/:partnerId', async (c) => {
    const id = readId(c);
    const partnerId = readId(c, 'partnerId');
    const body = await readBody(c, partnerBody);
    return c.json(await savePartner({ db: c.var.deps.db, actor: c.var.actor, structureId: id, partnerId, input: body }));
  });
  app.delete('/structures/:id/partners/:partnerId', async (c) =>
    c.json(await removePartner({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c), partnerId: readId(c, 'partnerId') })));
  app.post('/structures/:id/partner-sharing', async (c) => {
    const id = readId(c);
    const body = await readBody(c, sharingBody);
    return c.json(await setPartnerSharing({ db: c.var.deps.db, actor: c.var.actor, structureId: id, shared: body.shared }));
  });
  return app;
}
