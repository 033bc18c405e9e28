import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getTerritoryCash } from '../../../app/stats/getTerritoryCash';
import { listCashDifficulties } from '../../../app/stats/listCashDifficulties';
import { cashDifficultiesResponse, territoryFiguresResponse, territoryQuery } from './schema';

export const territoryCashDocs = [
  { method: 'get', path: '/api/stats/cash/structures', summary: 'Structures en difficulté de trésorerie (ou à surveiller) d’un territoire, nommées avec leurs raisons, pour qui le suit (réponses validées)', tag: 'trésorerie', auth: 'session', query: territoryQuery, response: cashDifficultiesResponse },
  { method: 'get', path: '/api/stats/cash', summary: 'Trésorerie d’un territoire, pour qui le suit (tableau fixe, après contrôle du secret)', tag: 'trésorerie', auth: 'session', query: territoryQuery, response: territoryFiguresResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A territory's cash figures, and its structures in cash difficulty, for those who follow it.
 * @example app.route('/', territoryCashRoutes());
 */
export function territoryCashRoutes() {
  const app = new Hono<Env>();
  app.get('/stats/cash', async (c) => {
    const q = readQuery(c, territoryQuery);
    return c.json(await getTerritoryCash({ db: c.var.deps.db, actor: c.var.actor, year: q.year, level: q.level, code: q.code }));
  });
  app.get('/stats/cash/structures', async (c) => {
    const q = readQuery(c, territoryQuery);
    return c.json(await listCashDifficulties({ db: c.var.deps.db, actor: c.var.actor, year: q.year, level: q.level, code: q.code }));
  });
  return app;
}
