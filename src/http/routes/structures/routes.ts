import { Hono } from 'hono';
import { getStructureIdentity } from '../../../app/structures/getStructureIdentity';
import { searchStructures } from '../../../app/structures/searchStructures';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { structureIdentity, structureListQuery, structureListResponse } from './schema';
import { memberDocs, memberRoutes } from './members';
import { structureResponseDocs, structureResponseRoutes } from './responses';

export const structureDocs = [
  { method: 'get', path: '/api/structures', summary: 'Annuaire public des structures (recherche, filtres, pagination)', tag: 'structures', query: structureListQuery, response: structureListResponse },
  { method: 'get', path: '/api/structures/:id', summary: 'Fiche d’identité publique d’une structure', tag: 'structures', response: structureIdentity },
  ...memberDocs,
  ...structureResponseDocs,
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
  app.route('/', memberRoutes());
  app.route('/', structureResponseRoutes());
  return app;
}
