import { Hono } from 'hono';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { queryStats } from '../../../app/stats/queryStats';
import { statsQueryBody, statsQueryResponse } from './schema';

export const statsQueryDocs = [
  { method: 'post', path: '/api/stats/query', summary: 'Requête libre : indicateurs × territoires × jusqu’à 3 filtres par tranches (valeurs perturbées)', tag: 'statistiques', body: statsQueryBody, response: statsQueryResponse },
] as const satisfies readonly RouteDoc[];

/**
 * The flexible query: indicators × territories × up to 3 band filters, perturbed figures.
 * @example app.route('/', statsQueryRoutes());
 */
export function statsQueryRoutes() {
  const app = new Hono<Env>();
  app.post('/stats/query', async (c) => {
    const body = await readBody(c, statsQueryBody);
    return c.json(await queryStats({ db: c.var.deps.db, query: body }));
  });
  return app;
}
