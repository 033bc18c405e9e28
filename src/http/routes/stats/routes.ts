import { Hono } from 'hono';
import type { Env } from '../../context';
import type { RouteDoc } from '../../openapi';
import { territoryCashDocs, territoryCashRoutes } from './cash';
import { dashboardDocs, dashboardRoutes } from './dashboard';
import { territoryEssDocs, territoryEssRoutes } from './ess';
import { mapDocs, mapRoutes } from './maps';
import { statsQueryDocs, statsQueryRoutes } from './query';

export const statsDocs = [
  ...dashboardDocs,
  ...statsQueryDocs,
  ...territoryCashDocs,
  ...territoryEssDocs,
  ...mapDocs,
] as const satisfies readonly RouteDoc[];

/**
 * /stats: published figures of territories — dashboard, flexible query, cash, ESS, map (one sub-file each).
 * @example api.route('/', statsRoutes());
 */
export function statsRoutes() {
  const app = new Hono<Env>();
  app.route('/', dashboardRoutes());
  app.route('/', statsQueryRoutes());
  app.route('/', territoryCashRoutes());
  app.route('/', territoryEssRoutes());
  app.route('/', mapRoutes());
  return app;
}
