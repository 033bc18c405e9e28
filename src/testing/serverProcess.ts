import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createPGlite, openDatabase, type Database$ } from '../db/connection';
import { insertSession } from '../db/session.repo';
import { csrfTokenOf, sessionIdOf } from '../app/accounts/login';
import { DEMO } from './http';

/**
 * Real `senacs serve` processes for the tests that kill them (kill -9 durability): a copy of the test template
 * to run on, the process started and awaited, a session written before it starts. Every resource is released by
 * the `cleanups` the test runs in its afterAll.
 */
export type Cleanups = (() => Promise<void> | void)[];

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A copy of the test template (a PGlite data folder or a PostgreSQL database) for server processes: the
 * environment that points a server at it, and a way to open it from the test between runs.
 * @example const target = await serverTarget('jobs', cleanups); const server = await startServerProcess(target.env, port, cleanups);
 */
export async function serverTarget(prefix: string, cleanups: Cleanups): Promise<{ env: Record<string, string>; open: () => Promise<Database$> }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `senacs-${prefix}-`));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const p = await createPGlite(dir, new Blob([readFileSync(tpl.file)]));
    await p.close();
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: dir }) };
  }
  const name = `senacs_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${tpl.template}`);
  await admin.end();
  const u = new URL(tpl.url);
  u.pathname = `/${name}`;
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: tpl.url });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  return { env: { DATABASE_URL: u.toString() }, open: () => openDatabase({ databaseUrl: u.toString() }) };
}

/**
 * Starts `senacs serve` (no demo) on `port` and resolves once /api/health answers; killed at cleanup if still running.
 * Waits up to 3 minutes (the whole suite shares two cores with it); a failure says what the server printed.
 */
export async function startServerProcess(env: Record<string, string>, port: number, cleanups: Cleanups): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/senacs.js', 'serve', '--no-demo', '--port', String(port)], {
    cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => { output = (output + d.toString()).slice(-4000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  cleanups.push(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  for (const until = Date.now() + 180_000; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start within 3 minutes:\n${output}`);
}

/** Resolves when the process has exited, even if it already has. */
export const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)));

/**
 * A session of the demo centre's team member written into the target before the server starts, with its 2025
 * response and the headers a request of that session sends.
 */
export async function teamSession(target: { open: () => Promise<Database$> }) {
  const setup = await target.open();
  try {
    const user = await setup.db.selectFrom('users').select('id').where('email', '=', DEMO.team).executeTakeFirstOrThrow();
    const token = randomBytes(32).toString('base64url');
    await insertSession(setup.db, { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    const response = await setup.db.selectFrom('responses').innerJoin('memberships', 'memberships.structure_id', 'responses.structure_id')
      .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
      .select('responses.id').where('memberships.user_id', '=', user.id).where('campaigns.year', '=', 2025).executeTakeFirstOrThrow();
    return { responseId: response.id, headers: { cookie: `senacs_session=${token}`, 'x-csrf-token': csrfTokenOf(token), 'content-type': 'application/json' } };
  } finally {
    await setup.close();
  }
}
