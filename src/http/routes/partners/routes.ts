import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { findPartners } from '../../../app/partners/findPartners';
import { getPartnerNetwork } from '../../../app/partners/getPartnerNetwork';
import { networkQuery, partnerNetworkResponse, partnerSearchResponse, searchQuery } from './schema';

export const partnerDocs = [
  { method: 'get', path: '/api/partners/search', summary: 'Qui travaille avec ce type de partenaire, sur ce thème, près de chez moi (structures qui partagent)', tag: 'partenaires', auth: 'session', query: searchQuery, response: partnerSearchResponse },
  { method: 'get', path: '/api/partners/network', summary: 'Réseau des partenariats d’un département (structures qui partagent), avec son tableau', tag: 'partenaires', auth: 'session', query: networkQuery, response: partnerNetworkResponse },
] as const satisfies readonly RouteDoc[];

/**
 * /partners: who works with which partner near me, and the partnership network of a département (a structure's own partners are under /structures/:id/partners).
 * @example api.route('/', partnerRoutes());
 */
export function partnerRoutes() {
  const app = new Hono<Env>();
  app.get('/partners/search', async (c) => c.json(await findPartners({ db: c.var.deps.db, actor: c.var.actor, query: readQuery(c, searchQuery) })));
  app.get('/partners/network', async (c) => {
    const q = readQuery(c, networkQuery);
    return c.json(await getPartnerNetwork({ db: c.var.deps.db, actor: c.var.actor, departement: q.departement, kind: q.kind, theme: q.theme }));
  });
  return app;
}
