import { Hono } from 'hono';
import { z } from 'zod';
import { findCommunes } from '../../../app/territories/findCommunes';
import { listTerritories } from '../../../app/territories/listTerritories';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentCommune, presentDepartement, presentRegion } from '../../presenters/territory';
import { communeListResponse, departementListResponse, regionListResponse } from './schema';

const departementsQuery = z.object({ region: z.string().regex(/^\d{2}$/, 'Code région invalide.').optional() });
const communesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  departement: z.string().regex(/^(\d{2}|2A|2B|97\d)$/, 'Code département invalide.').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const territoryDocs = [
  { method: 'get', path: '/api/territories/regions', summary: 'Régions (COG)', tag: 'territoires', response: regionListResponse },
  { method: 'get', path: '/api/territories/departements', summary: 'Départements (COG)', tag: 'territoires', query: departementsQuery, response: departementListResponse },
  { method: 'get', path: '/api/territories/communes', summary: 'Recherche de communes', tag: 'territoires', query: communesQuery, response: communeListResponse },
] as const satisfies readonly RouteDoc[];

export function territoryRoutes() {
  const app = new Hono<Env>();
  app.get('/territories/regions', async (c) => {
    const items = await listTerritories({ db: c.var.deps.db, level: 'region' });
    return c.json({ items: items.map(presentRegion), total: items.length });
  });
  app.get('/territories/departements', async (c) => {
    const q = readQuery(c, departementsQuery);
    const items = await listTerritories({ db: c.var.deps.db, level: 'departement', regionCode: q.region });
    return c.json({ items: items.map(presentDepartement), total: items.length });
  });
  app.get('/territories/communes', async (c) => {
    const q = readQuery(c, communesQuery);
    const items = await findCommunes({ db: c.var.deps.db, q: q.q || undefined, departementCode: q.departement, limit: q.limit });
    return c.json({ items: items.map(presentCommune), total: items.length });
  });
  return app;
}
