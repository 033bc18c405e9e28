import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type pino from 'pino';
import { usesHttps, type Config } from './config';
import { openDatabase, type Database$ } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { ensureGeography } from './seed/geography';
import { createApp } from './http/app';
import { LiveHub } from './app/infra/live';
import { connectLiveHub } from './app/infra/liveBus';

export const WEB_DIST = resolve(import.meta.dirname, '../dist/web');

/**
 * Opens the database of the configuration, brings its schema up to date and, on an empty instance, loads
 * the official geography (every scope and structure refers to it; the demo is not there to bring it).
 */
export async function openConfiguredDatabase(config: Config, opts: { geography?: boolean; pgliteThread?: boolean } = {}): Promise<Database$> {
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl, preparedStatements: config.preparedStatements } : { dataDir: config.dataDir, ownThread: opts.pgliteThread });
  await migrateToLatest(database.db);
  // A restore brings its own geography: loading it first would make the instance non-empty.
  if (opts.geography !== false) await ensureGeography(database.db);
  return database;
}

/**
 * The live hub of a server process. On PostgreSQL it is joined to the other processes of the same
 * database through LISTEN/NOTIFY, so that pages connected to different processes see each other; the
 * embedded database serves one process, whose hub needs nobody else. `stop` disconnects it.
 * @example const { live, stop } = await startLiveHub(database, config, logger); …; await stop();
 */
export async function startLiveHub(database: Database$, config: Pick<Config, 'databaseUrl'>, logger: pino.Logger): Promise<{ live: LiveHub; stop: () => Promise<void> }> {
  const live = new LiveHub();
  if (database.kind !== 'postgres' || !config.databaseUrl) return { live, stop: async () => {} };
  const stop = await connectLiveHub(live, { databaseUrl: config.databaseUrl, onError: (err) => logger.warn({ err }, 'live events between processes') });
  return { live, stop };
}

/**
 * The API plus the built web app (single-page: unknown paths get index.html). Cookies are Secure when
 * PUBLIC_URL is https; X-Forwarded-For is believed from TRUSTED_PROXIES only. Built files go out
 * precompressed (brotli, else gzip) when the browser accepts it.
 * @example createServerApp(database, logger, readConfig())
 */
export function createServerApp(database: Database$, logger: pino.Logger, config: Pick<Config, 'publicUrl' | 'trustedProxies'> & Partial<Pick<Config, 'legal' | 'retention'>> = { trustedProxies: [] }, opts: { live?: LiveHub; webDist?: string } = {}) {
  const web = opts.webDist ?? WEB_DIST;
  const app = createApp({ db: database.db, dbKind: database.kind, logger, secureCookies: usesHttps(config), trustedProxies: config.trustedProxies, live: opts.live ?? new LiveHub(), legal: config.legal, retention: config.retention });
  if (existsSync(web)) {
    // Hashed names: a file never changes, browsers keep it for a year. (Set around serveStatic: a header set
    // in its onFound comes after the response is made and was lost.) Vary comes from compressResponses.
    app.use('/assets/*', async (c, next) => { await next(); if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable'); });
    app.use('/assets/*', serveStatic({ root: web, precompressed: true }));
    app.use('*', serveStatic({ root: web, precompressed: true }));
    // In production the build never changes under a running server; elsewhere a rebuild must show at once.
    let index: string | undefined;
    const production = process.env.NODE_ENV === 'production';
    app.get('*', async (c) => c.html(production ? (index ??= await readFile(join(web, 'index.html'), 'utf8')) : await readFile(join(web, 'index.html'), 'utf8')));
  }
  return app;
}

/** Starts listening; resolves once the port is open. */
export function listen(app: ReturnType<typeof createApp>, port: number) {
  return new Promise<ReturnType<typeof serve>>((ok) => {
    const server = serve({ fetch: app.fetch, port, hostname: '0.0.0.0' }, () => ok(server));
  });
}
