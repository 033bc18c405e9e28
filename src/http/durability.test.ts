import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, expect, inject, it } from 'vitest';
import { createPGlite, openDatabase, type Database$ } from '../db/connection';
import { insertSession } from '../db/session.repo';
import { sessionIdOf, csrfTokenOf } from '../app/login';
import { DEMO } from '../testing/http';

const ROOT = resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

/** A server process on a copy of the test template: a PGlite data folder, or a PostgreSQL database. */
async function prepareTarget(): Promise<{ env: Record<string, string>; open: () => Promise<Database$> }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'senacs-durability-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const p = await createPGlite(dir, new Blob([readFileSync(tpl.file)]));
    await p.close();
    return { env: { DATA_DIR: dir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: dir }) };
  }
  const name = `senacs_dur_${randomBytes(4).toString('hex')}`;
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

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/senacs.js', 'serve', '--no-demo', '--port', String(port)], {
    cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: 'ignore',
  });
  cleanups.push(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  return (async () => {
    for (let i = 0; i < 1200; i++) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
      try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('server did not start');
  })();
}

/** Resolves when the process has exited, even if it already has. */
const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r)));

it('keeps every acknowledged autosave when the server is killed mid-load, and reopens cleanly', async () => {
  const target = await prepareTarget();
  // A session for the demo centre's team member, written before the server starts.
  const setup = await target.open();
  const user = await setup.db.selectFrom('users').select('id').where('email', '=', DEMO.team).executeTakeFirstOrThrow();
  const token = randomBytes(32).toString('base64url');
  const csrf = csrfTokenOf(token);
  await insertSession(setup.db, { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
  const response = await setup.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .innerJoin('memberships', 'memberships.structure_id', 'structures.id').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select('responses.id').where('memberships.user_id', '=', user.id).where('campaigns.year', '=', 2025).executeTakeFirstOrThrow();
  await setup.close();

  const port = 4300 + Math.floor(Math.random() * 500);
  const server = await startServer(target.env, port);
  const headers = { cookie: `senacs_session=${token}`, 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const codes = ['participation.benevoles', 'participation.adherents', 'participation.heures_benevoles', 'actions.culture.personnes'];
  const acked = new Map<string, { version: number; value: number }>();
  let stop = false;
  const writers = codes.map(async (code, i) => {
    let version = 0;
    const current = await (await fetch(`http://127.0.0.1:${port}/api/responses/${response.id}`, { headers })).json() as { answers: { code: string; version: number }[] };
    version = current.answers.find((a) => a.code === code)?.version ?? 0;
    for (let n = 1; !stop; n++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/responses/${response.id}/answers/${code}`, {
          method: 'PUT', headers, body: JSON.stringify({ value: 1000 * i + n, baseVersion: version }),
        });
        if (res.status !== 200) throw new Error(`save refused: ${res.status} ${await res.text()}`);
        const body = await res.json() as { version: number };
        version = body.version;
        acked.set(code, { version, value: 1000 * i + n });
      } catch (e) {
        if (stop) return;
        throw e;
      }
    }
  });
  // Kill in the middle of the load: once every writer has had a few saves acknowledged, and more are in flight.
  const counts = new Map<string, number>();
  const origSet = acked.set.bind(acked);
  acked.set = (k, v) => { counts.set(k, (counts.get(k) ?? 0) + 1); return origSet(k, v); };
  for (let waited = 0; codes.some((c) => (counts.get(c) ?? 0) < 5); waited += 50) {
    if (waited > 90_000) throw new Error('autosaves too slow to start');
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  server.kill('SIGKILL');
  const outcomes = await Promise.allSettled(writers);
  for (const o of outcomes) if (o.status === "rejected") console.error(o.reason);
  await exited(server);
  expect(acked.size).toBe(codes.length);

  // Restart on the same data: it must open cleanly and hold every acknowledged save.
  const again = await startServer(target.env, port + 1);
  again.kill('SIGTERM');
  await exited(again);
  const check = await target.open();
  try {
    for (const [code, ack] of acked) {
      const row = await check.db.selectFrom('answers').select(['value', 'version']).where('response_id', '=', response.id).where('code', '=', code).executeTakeFirstOrThrow();
      expect(row.version).toBeGreaterThanOrEqual(ack.version);
      const rev = await check.db.selectFrom('answer_revisions').select('value').where('response_id', '=', response.id).where('code', '=', code).where('version', '=', ack.version).executeTakeFirstOrThrow();
      expect(rev.value).toBe(ack.value);
    }
  } finally { await check.close(); }
}, 240_000);
