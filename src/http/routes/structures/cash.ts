import { Hono } from 'hono';
import type { Env } from '../../context';
import { readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { getStructureCash } from '../../../app/stats/getStructureCash';
import { structureCashResponse } from './schema';

export const structureCashDocs = [
  { method: 'get', path: '/api/structures/:id/cash', summary: 'Trésorerie d’une structure, chaque année : jours de charges, frais bancaires, délais, dépendance, signal de difficulté (privé)', tag: 'trésorerie', auth: 'session', response: structureCashResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A structure's cash indicators and difficulty signal, each year (private).
 * @example app.route('/', structureCashRoutes());
 */
export function structureCashRoutes() {
  const app = new Hono<Env>();
  app.get('/structures/:id/cash', async (c) => c.json(await getStructureCash({ db: c.var.deps.db, actor: c.var.actor, structureId: readId(c) })));
  return app;
}
