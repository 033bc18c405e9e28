import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getDepartementMap } from '../../../app/stats/getDepartementMap';
import { departementMapQuery, departementMapResponse } from './schema';

export const mapDocs = [
  { method: 'get', path: '/api/stats/departement-map', summary: 'Carte des départements pour un indicateur du tableau de bord (tableau fixe publié, après contrôle du secret)', tag: 'statistiques', query: departementMapQuery, response: departementMapResponse },
] as const satisfies readonly RouteDoc[];

/**
 * The map of the départements for a dashboard indicator (published fixed table).
 * @example app.route('/', mapRoutes());
 */
export function mapRoutes() {
  const app = new Hono<Env>();
  app.get('/stats/departement-map', async (c) => {
    const q = readQuery(c, departementMapQuery);
    return c.json(await getDepartementMap({ db: c.var.deps.db, year: q.year, indicator: q.indicator, stat: q.stat, regionCode: q.region }));
  });
  return app;
}
