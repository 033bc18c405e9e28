import { Hono } from 'hono';
import type { Env } from '../../context';
import { readQuery } from '../../input';
import type { RouteDoc } from '../../openapi';
import { sendSharedJson } from '../../jsonBody';
import { getDashboard } from '../../../app/stats/getDashboard';
import { dashboardQuery, dashboardResponse } from './schema';

export const dashboardDocs = [
  { method: 'get', path: '/api/stats/dashboard', summary: 'Tableau de bord d’un territoire et de ses subdivisions (tableau fixe, après contrôle du secret)', tag: 'statistiques', query: dashboardQuery, response: dashboardResponse },
] as const satisfies readonly RouteDoc[];

/**
 * The dashboard of a territory and its subdivisions (published release, or the working view for those who follow it).
 * @example app.route('/', dashboardRoutes());
 */
export function dashboardRoutes() {
  const app = new Hono<Env>();
  app.get('/stats/dashboard', async (c) => {
    const q = readQuery(c, dashboardQuery);
    // The published view is the same object while its release stands: its JSON and compressed bytes are reused.
    return sendSharedJson(c, await getDashboard({ db: c.var.deps.db, actor: c.var.actor, year: q.year, level: q.level, code: q.code, view: q.view }));
  });
  return app;
}
