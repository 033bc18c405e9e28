import { Hono } from 'hono';
import { getStructureIdentity } from '../../../app/structures/getStructureIdentity';
import { listStructureCampaignResponses } from '../../../app/campaigns/listStructureCampaignResponses';
import { searchStructures } from '../../../app/structures/searchStructures';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { structureIdentity, structureListQuery, structureListResponse, structureResponsesResponse } from './schema';
import { memberDocs, memberRoutes } from './members';

export const structureDocs = [
  { method: 'get', path: '/api/structures', summary: 'Annuaire public des structures (recherche, filtres, pagination)', tag: 'structures', query: structureListQuery, response: structureListResponse },
  { method: 'get', path: '/api/structures/:id', summary: 'Fiche d’identité publique d’une structure', tag: 'structures', response: structureIdentity },
  { method: 'get', path: '/api/structures/:id/responses', summary: 'Réponses de la structure aux campagnes (privé)', tag: 'structures', auth: 'session', response: structureResponsesResponse },
  ...memberDocs,
] as const satisfies readonly RouteDoc[];

export function structureRoutes() {
  const app = new Hono<Env>();
  app.get('/structures', async (c) => {
    const q = readQuery(c, structureListQuery);
    const result = await searchStructures({ db: c.var.deps.db, filters: {
      q: q.q || undefined, regionCode: q.region, departementCode: q.departement, communeCode: q.commune, kind: q.kind,
      management: q.management, qpvStatus: q.qpv, territoryType: q.territory,
    }, page: { offset: (q.page - 1) * q.pageSize, limit: q.pageSize } });
    return c.json(result);
  });
  app.get('/structures/:id', async (c) => {
    return c.json(await getStructureIdentity({ db: c.var.deps.db, structureId: readId(c) }));
  });
  app.get('/structures/:id/responses', async (c) => {
    const items = await listStructureCampaignResponses({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) });
    return c.json({ items, total: items.length });
  });
  app.route('/', memberRoutes());
  return app;
}
