import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getDepartementMap } from '../../../app/stats/getDepartementMap';
import { getStructureMap } from '../../../app/stats/getStructureMap';
import { departementMapQuery, departementMapResponse, structurePointsQuery, structurePointsResponse } from './schema';

export const publicationDocs = [
  { method: 'get', path: '/api/stats/departement-map', summary: 'Carte des départements pour un indicateur du tableau de bord (tableau fixe publié, après contrôle du secret)', tag: 'statistiques', query: departementMapQuery, response: departementMapResponse },
  { method: 'get', path: '/api/structures-map', summary: 'Structures placées sur la carte publique (données d’annuaire : nom, type, commune, coordonnées)', tag: 'structures', query: structurePointsQuery, response: structurePointsResponse },
] as const satisfies readonly RouteDoc[];

export function publicationRoutes() {
  const app = new Hono<Env>();
  app.get('/stats/departement-map', async (c) => {
    const q = readQuery(c, departementMapQuery);
    return c.json(await getDepartementMap({ db: c.var.deps.db, year: q.year, indicator: q.indicator, stat: q.stat, regionCode: q.region }));
  });
  app.get('/structures-map', async (c) => {
    const q = readQuery(c, structurePointsQuery);
    const f = { regionCode: q.region, departementCode: q.departement, kind: q.kind };
    const { items, withoutCoordinates } = await getStructureMap({ db: c.var.deps.db, filters: f });
    return c.json({ total: items.length, withoutCoordinates, items });
  });
  return app;
}
