import { Hono } from 'hono';
import { queueDepth } from '../../../app/infra/jobQueue';
import type { Env } from '../../context';
import { buildOpenApi, type RouteDoc } from '../../openapi';
import { healthResponse, openApiResponse } from './schema';

export const systemDocs = [
  { method: 'get', path: '/api/health', summary: 'État du service et de la base, profondeur de la file des tâches (en attente, en cours, abandonnées)', tag: 'système', response: healthResponse },
  { method: 'get', path: '/api/openapi.json', summary: 'Ce document', tag: 'système', response: openApiResponse },
] as const satisfies readonly RouteDoc[];

/** How long health waits for the embedded database before answering with the queue depth last read. */
export const HEALTH_WAIT_MS = 100;

export function systemRoutes(allDocs: () => readonly RouteDoc[]) {
  const app = new Hono<Env>();
  let last: { jobs: Awaited<ReturnType<typeof queueDepth>>; at: Date } | undefined;
  app.get('/health', async (c) => {
    // The job queue's depth is read from the database too: no separate probe.
    const read = queueDepth(c.var.deps.db).then((jobs) => { last = { jobs, at: new Date() }; return jobs; });
    // The embedded database has one connection, which a long transaction (an import storing its rows) holds:
    // once a depth was read, health waits HEALTH_WAIT_MS at most, then says the database is busy with the
    // depth last read and when. PostgreSQL is always waited for (a server that does not answer is a failure).
    if (c.var.deps.dbKind === 'pglite' && last) {
      const known = last;
      const jobs = await Promise.race([read, new Promise<undefined>((ok) => setTimeout(ok, HEALTH_WAIT_MS))]);
      if (jobs === undefined) {
        read.catch(() => undefined);
        return c.json({ status: 'ok', database: c.var.deps.dbKind, jobs: known.jobs, busy: true, jobsAt: known.at.toISOString() });
      }
      return c.json({ status: 'ok', database: c.var.deps.dbKind, jobs });
    }
    return c.json({ status: 'ok', database: c.var.deps.dbKind, jobs: await read });
  });
  let doc: ReturnType<typeof buildOpenApi> | undefined;
  app.get('/openapi.json', (c) => c.json((doc ??= buildOpenApi(allDocs()))));
  return app;
}
