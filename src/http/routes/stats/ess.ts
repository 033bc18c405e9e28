import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getTerritoryEss } from '../../../app/stats/getTerritoryEss';
import { territoryFiguresResponse, territoryQuery } from './schema';

export const territoryEssDocs = [
  { method: 'get', path: '/api/stats/ess', summary: 'Chiffres ESS d’un territoire et de ses subdivisions (tableau fixe, après contrôle du secret)', tag: 'ESS', query: territoryQuery, response: territoryFiguresResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A territory's ESS figures and its subdivisions' (fixed table, after the disclosure gate).
 * @example app.route('/', territoryEssRoutes());
 */
export function territoryEssRoutes() {
  const app = new Hono<Env>();
  app.get('/stats/ess', async (c) => {
    const q = readQuery(c, territoryQuery);
    return c.json(await getTerritoryEss({ db: c.var.deps.db, year: q.year, level: q.level, code: q.code }));
  });
  return app;
}
