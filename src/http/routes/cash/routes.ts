import { Hono } from 'hono';
import type { Env } from '../../context';
import { readId, readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getStructureCash } from '../../../app/stats/getStructureCash';
import { getTerritoryCash } from '../../../app/stats/getTerritoryCash';
import { listCashDifficulties } from '../../../app/stats/listCashDifficulties';
import { cashDifficultiesResponse, structureCashResponse, territoryFiguresResponse, territoryQuery } from './schema';

export const cashDocs = [
  { method: 'get', path: '/api/structures/:id/cash', summary: 'Trésorerie d’une structure, chaque année : jours de charges, frais bancaires, délais, dépendance, signal de difficulté (privé)', tag: 'trésorerie', auth: 'session', response: structureCashResponse },
  { method: 'get', path: '/api/stats/cash/structures', summary: 'Structures en difficulté de trésorerie (ou à surveiller) d’un territoire, nommées avec leurs raisons, pour qui le suit (réponses validées)', tag: 'trésorerie', auth: 'session', query: territoryQuery, response: cashDifficultiesResponse },
  { method: 'get', path: '/api/stats/cash', summary: 'Trésorerie d’un territoire, pour qui le suit (tableau fixe, après contrôle du secret)', tag: 'trésorerie', auth: 'session', query: territoryQuery, response: territoryFiguresResponse },
] as const satisfies readonly RouteDoc[];

export function cashRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/cash', async (c) => c.json(await getStructureCash({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) })));
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
