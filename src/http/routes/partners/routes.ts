import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody, readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getStructurePartners } from '../../../app/partners/getStructurePartners';
import { savePartner } from '../../../app/partners/savePartner';
import { removePartner } from '../../../app/partners/removePartner';
import { setPartnerSharing } from '../../../app/partners/setPartnerSharing';
import { findPartners } from '../../../app/partners/findPartners';
import { getPartnerNetwork } from '../../../app/partners/getPartnerNetwork';
import { okResponse } from '../auth/schema';
import {
  networkQuery, partnerBody, partnerNetworkResponse, partnerSearchResponse, partnerSharingView, partnerView, searchQuery, sharingBody, structurePartnersResponse,
} from './schema';

export const partnerDocs = [
  { method: 'get', path: '/api/structures/:id/partners', summary: 'Partenaires déclarés par une structure et son accord de partage (privé)', tag: 'partenaires', auth: 'session', response: structurePartnersResponse },
  { method: 'post', path: '/api/structures/:id/partners', summary: 'Déclarer un partenaire (personnes de la structure)', tag: 'partenaires', auth: 'session', body: partnerBody, status: 201, response: partnerView },
  { method: 'put', path: '/api/structures/:id/partners/:partnerId', summary: 'Modifier un partenaire déclaré (personnes de la structure)', tag: 'partenaires', auth: 'session', body: partnerBody, response: partnerView },
  { method: 'delete', path: '/api/structures/:id/partners/:partnerId', summary: 'Retirer un partenaire déclaré (personnes de la structure)', tag: 'partenaires', auth: 'session', response: okResponse },
  { method: 'post', path: '/api/structures/:id/partner-sharing', summary: 'Partager ou non les partenaires de la structure avec le réseau (direction)', tag: 'partenaires', auth: 'session', body: sharingBody, response: partnerSharingView },
  { method: 'get', path: '/api/partners/search', summary: 'Qui travaille avec ce type de partenaire, sur ce thème, près de chez moi (structures qui partagent)', tag: 'partenaires', auth: 'session', query: searchQuery, response: partnerSearchResponse },
  { method: 'get', path: '/api/partners/network', summary: 'Réseau des partenariats d’un département (structures qui partagent), avec son tableau', tag: 'partenaires', auth: 'session', query: networkQuery, response: partnerNetworkResponse },
] as const satisfies readonly RouteDoc[];

export function partnerRoutes() {
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
  app.get('/partners/search', async (c) => c.json(await findPartners({ db: c.var.deps.db, actor: c.var.actor, query: readQuery(c, searchQuery) })));
  app.get('/partners/network', async (c) => {
    const q = readQuery(c, networkQuery);
    return c.json(await getPartnerNetwork({ db: c.var.deps.db, actor: c.var.actor, departement: q.departement, kind: q.kind, theme: q.theme }));
  });
  return app;
}
