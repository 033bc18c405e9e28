import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import pino from 'pino';
import { usesHttps, type Config } from './config';
import { openDatabase, type Database$ } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { ensureGeography } from './seed/geography';
import { createApp } from './http/app';
import { LiveHub } from './app/live';

export const WEB_DIST = resolve(import.meta.dirname, '../dist/web');

/**
 * Opens the database of the configuration, brings its schema up to date and, on an empty instance, loads
 * the official geography (every scope and structure refers to it; the demo is not there to bring it).
 */
export async function openConfiguredDatabase(config: Config, opts: { geography?: boolean } = {}): Promise<Database$> {
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  await migrateToLatest(database.db);
  // A restore brings its own geography: loading it first would make the instance non-empty.
  if (opts.geography !== false) await ensureGeography(database.db);
  return database;
}

/**
 * The API plus the built web app (single-page: unknown paths get index.html). Cookies are Secure when
 * PUBLIC_URL is https; X-Forwarded-For is believed from TRUSTED_PROXIES only.
 * @example createServerApp(database, logger, readConfig())
 */
export function createServerApp(database: Database$, logger: pino.Logger, config: Pick<Config, 'publicUrl' | 'trustedProxies'> & Partial<Pick<Config, 'legal' | 'retention'>> = { trustedProxies: [] }) {
  const app = createApp({ db: database.db, dbKind: database.kind, logger, secureCookies: usesHttps(config), trustedProxies: config.trustedProxies, live: new LiveHub(), legal: config.legal, retention: config.retention });
  if (existsSync(WEB_DIST)) {
    app.use('/assets/*', serveStatic({ root: WEB_DIST, onFound: (_p, c) => { c.header('Cache-Control', 'public, max-age=31536000, immutable'); } }));
    app.use('*', serveStatic({ root: WEB_DIST }));
    // In production the build never changes under a running server; elsewhere a rebuild must show at once.
    let index: string | undefined;
    const production = process.env.NODE_ENV === 'production';
    app.get('*', async (c) => c.html(production ? (index ??= await readFile(join(WEB_DIST, 'index.html'), 'utf8')) : await readFile(join(WEB_DIST, 'index.html'), 'utf8')));
  }
  return app;
}

/** Starts listening; resolves once the port is open. */
export function listen(app: ReturnType<typeof createApp>, port: number) {
  return new Promise<ReturnType<typeof serve>>((ok) => {
    const server = serve({ fetch: app.fetch, port, hostname: '0.0.0.0' }, () => ok(server));
  });
}
