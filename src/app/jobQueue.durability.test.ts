import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, expect, inject, it } from 'vitest';
import { createPGlite, openDatabase, type Database$ } from '../db/connection';
import { insertSession } from '../db/session.repo';
import { sessionIdOf, csrfTokenOf } from './login';
import { DEMO } from '../testing/http';

/**
 * Issue 16: a quality re-check queued by an autosave survives a kill -9 of the server (it is a row of
 * the jobs table, no longer a timer in memory) and runs after the restart. PGlite or PostgreSQL.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

async function prepareTarget(): Promise<{ env: Record<string, string>; open: () => Promise<Database$> }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'senacs-jobs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const p = await createPGlite(dir, new Blob([readFileSync(tpl.file)]));
    await p.close();
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: dir }) };
  }
  const name = `senacs_jobs_${randomBytes(4).toString('hex')}`;
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

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/senacs.js', 'serve', '--no-demo', '--port', String(port)], { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  cleanups.push(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}
const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)));

it('runs after a restart the quality re-check an autosave queued just before a kill -9', async () => {
  const target = await prepareTarget();
  const setup = await target.open();
  const user = await setup.db.selectFrom('users').select('id').where('email', '=', DEMO.team).executeTakeFirstOrThrow();
  const token = randomBytes(32).toString('base64url');
  await insertSession(setup.db, { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
  const response = await setup.db.selectFrom('responses').innerJoin('memberships', 'memberships.structure_id', 'responses.structure_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select('responses.id').where('memberships.user_id', '=', user.id).where('campaigns.year', '=', 2025).executeTakeFirstOrThrow();
  await setup.db.updateTable('responses').set({ quality_at: null, quality_score: null }).where('id', '=', response.id).execute();
  await setup.close();

  const port = 4800 + Math.floor(Math.random() * 500);
  const server = await startServer(target.env, port);
  const headers = { cookie: `senacs_session=${token}`, 'x-csrf-token': csrfTokenOf(token), 'content-type': 'application/json' };
  const current = await (await fetch(`http://127.0.0.1:${port}/api/responses/${response.id}`, { headers })).json() as { answers: { code: string; version: number }[] };
  const saved = await fetch(`http://127.0.0.1:${port}/api/responses/${response.id}/answers/participation.benevoles`, {
    method: 'PUT', headers, body: JSON.stringify({ value: 321, baseVersion: current.answers.find((a) => a.code === 'participation.benevoles')?.version ?? 0 }),
  });
  expect(saved.status).toBe(200);
  // Killed within the 1.5 s debounce: the re-check has not run.
  server.kill('SIGKILL');
  await exited(server);
  const between = await target.open();
  try {
    const jobs = await between.db.selectFrom('jobs').select(['state', 'dedupe_key']).where('kind', '=', 'quality.recheck').execute();
    expect(jobs).toEqual([{ state: 'pending', dedupe_key: String(response.id) }]);
    expect((await between.db.selectFrom('responses').select('quality_at').where('id', '=', response.id).executeTakeFirstOrThrow()).quality_at).toBeNull();
  } finally { await between.close(); }

  const again = await startServer(target.env, port + 1);
  // The health route shows the queue emptying.
  await expect.poll(async () => ((await (await fetch(`http://127.0.0.1:${port + 1}/api/health`)).json()) as { jobs: { pending: number } }).jobs.pending, { timeout: 20_000, interval: 100 }).toBe(0);
  again.kill('SIGTERM');
  await exited(again);
  const check = await target.open();
  try {
    expect((await check.db.selectFrom('responses').select('quality_at').where('id', '=', response.id).executeTakeFirstOrThrow()).quality_at).not.toBeNull();
    expect(await check.db.selectFrom('jobs').select('id').execute()).toEqual([]);
  } finally { await check.close(); }
}, 240_000);
