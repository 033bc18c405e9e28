import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { presentStructurePoint } from '../../presenters/structure';
import { getStructureMap } from '../../../app/stats/getStructureMap';
import { structurePointsQuery, structurePointsResponse } from './schema';

export const structureMapDocs = [
  { method: 'get', path: '/api/structures-map', summary: 'Structures placées sur la carte publique (données d’annuaire : nom, type, commune, coordonnées)', tag: 'structures', query: structurePointsQuery, response: structurePointsResponse },
] as const satisfies readonly RouteDoc[];

/**
 * /structures-map: the structures placed on the public map (directory data).
 * @example app.route('/', structureMapRoutes());
 */
export function structureMapRoutes() {
  const app = new Hono<Env>();
  app.get('/structures-map', async (c) => {
    const q = readQuery(c, structurePointsQuery);
    const f = { regionCode: q.region, departementCode: q.departement, kind: q.kind };
    const { items, withoutCoordinates } = await getStructureMap({ db: c.var.deps.db, filters: f });
    return c.json({ total: items.length, withoutCoordinates, items: items.map(presentStructurePoint) });
  });
  return app;
}
