import { Hono } from 'hono';
import { queueDepth } from '../../../app/infra/jobQueue';
import type { Env } from '../../context';
import { buildOpenApi, type RouteDoc } from '../../openapi';
import { healthResponse, openApiResponse } from './schema';

export const systemDocs = [
  { method: 'get', path: '/api/health', summary: 'État du service et de la base, profondeur de la file des tâches (en attente, en cours, abandonnées)', tag: 'système', response: healthResponse },
  { method: 'get', path: '/api/openapi.json', summary: 'Ce document', tag: 'système', response: openApiResponse },
] as const satisfies readonly RouteDoc[];

export function systemRoutes(allDocs: () => readonly RouteDoc[]) {
  const app = new Hono<Env>();
  app.get('/health', async (c) => {
    // The job queue's depth is read from the database too: no separate probe.
    const jobs = await queueDepth(c.var.deps.db);
    return c.json({ status: 'ok', database: c.var.deps.dbKind, jobs });
  });
  let doc: ReturnType<typeof buildOpenApi> | undefined;
  app.get('/openapi.json', (c) => c.json((doc ??= buildOpenApi(allDocs()))));
  return app;
}
