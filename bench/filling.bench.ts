import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database$ } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { insertSession } from '../src/db/session.repo';
import { insertMembership, insertUser } from '../src/db/user.repo';
import { sessionIdOf, csrfTokenOf } from '../src/app/accounts/login';
import { percentile, round, type Figures } from './lib';

const ROOT = resolve(import.meta.dirname, '..');
const EDITORS = 200;
const SECONDS = Number(process.env.BENCH_FILLING_SECONDS ?? 10);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Editor { cookie: string; csrf: string; responseId: number }

/**
 * Autosave under load: 200 editors, each on its own response, over HTTP to a real server process, for a
 * fixed time: first as fast as the server acknowledges (capacity, `_max_`), then together offering the
 * issue's rate (500 saves/s on PostgreSQL, 200 on PGlite) to read the achieved rate and its p99. Beside
 * it, the raw INSERT rate of the same database with the same concurrency, in the same run.
 */
export async function run(): Promise<Figures> {
  const out: Figures = {};
  const pgName = `senacs_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${pgName}`);
  await admin.query(`create database ${pgName}`);
  const url = new URL(PG_URL);
  url.pathname = `/${pgName}`;
  const dir = mkdtempSync(join(tmpdir(), 'senacs-bench-fill-'));
  try {
    for (const target of [{ kind: 'pg', env: { DATABASE_URL: url.toString() } }, { kind: 'pglite', env: { DATA_DIR: dir, DATABASE_URL: '' } }] as const) {
      const database = await openDatabase(target.kind === 'pg' ? { databaseUrl: url.toString() } : { dataDir: dir });
      await migrateToLatest(database.db);
      await seedDemo(database.db, { scale: 0.06 });
      const editors = await prepareEditors(database);
      if (target.kind === 'pg') out.insert_pg_per_s = { value: Math.round(await rawInsertRate(database)), unit: 'rows/s' };
      else out.insert_pglite_per_s = { value: Math.round(await rawInsertRate(database)), unit: 'rows/s' };
      await database.close();
      const port = target.kind === 'pg' ? 3951 : 3952;
      const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), 'bin/senacs.js', 'serve', '--port', String(port), '--no-demo'], {
        cwd: ROOT, env: { ...process.env, ...target.env, LOG_LEVEL: 'warn' }, stdio: 'ignore',
      });
      try {
        await waitHealthy(port, child);
        const cpu0 = process.cpuUsage();
        const wall0 = performance.now();
        // Capacity: every editor saves again as soon as the previous save is acknowledged (closed loop).
        const max = await autosaveLoad(port, editors, null);
        const cpu = process.cpuUsage(cpu0);
        // The load generator shares the 2 cores: its own CPU share tells whether it, not the server, is the limit.
        out[`autosave_${target.kind}_client_cpu_pct`] = { value: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 100), unit: '%' };
        out[`autosave_${target.kind}_max_per_s`] = { value: Math.round(max.perSecond), unit: 'saves/s' };
        out[`autosave_${target.kind}_max_p99_ms`] = { value: round(percentile(max.latencies, 99), 1), unit: 'ms' };
        // The load: the 200 editors together offer the target rate (each saves every 200/rate s, like
        // autosave after typing pauses), open loop; latency counts from when the save was due, so a server
        // falling behind shows in p99 (no coordinated omission) and the achieved rate drops below the target.
        const rate = target.kind === 'pg' ? 500 : 200;
        // Let the capacity run's aftermath settle first: 1.5 s after its last saves, the 200 responses get their
        // debounced quality re-check all at once, a burst that belongs to that run, not to this one.
        await settle(port);
        const paced = await autosaveLoad(port, editors, rate);
        out[`autosave_${target.kind}_offered_per_s`] = { value: rate, unit: 'saves/s' };
        out[`autosave_${target.kind}_per_s`] = { value: Math.round(paced.perSecond), unit: 'saves/s' };
        out[`autosave_${target.kind}_p99_ms`] = { value: round(percentile(paced.latencies, 99), 1), unit: 'ms' };
      } finally { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
    }
    // Capacity against capacity: what a full autosave (HTTP, session, policy, validation, versioned write
    // with its revision and audit) costs compared with a bare INSERT of the same database.
    out.autosave_pg_ratio = { value: round(out.autosave_pg_max_per_s.value / out.insert_pg_per_s.value, 3), unit: 'saves per raw insert' };
    return out;
  } finally {
    await admin.query(`drop database if exists ${pgName} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One contributor per structure with a 2025 response, with an open session each. */
async function prepareEditors(database: Database$): Promise<Editor[]> {
  const { db } = database;
  const campaign = await db.selectFrom('campaigns').select('id').where('year', '=', 2025).executeTakeFirstOrThrow();
  const structures = await db.selectFrom('structures').select('id').orderBy('id').limit(EDITORS).execute();
  const editors: Editor[] = [];
  for (const s of structures) {
    await db.insertInto('responses').values({ structure_id: s.id, campaign_id: campaign.id, state: 'in_progress' })
      .onConflict((oc) => oc.columns(['structure_id', 'campaign_id']).doUpdateSet({ state: 'in_progress' })).execute();
    const r = await db.selectFrom('responses').select('id').where('structure_id', '=', s.id).where('campaign_id', '=', campaign.id).executeTakeFirstOrThrow();
    const userId = await insertUser(db, { email: `bench-${s.id}@bench.senacs.test`, name: `Bench ${s.id}`, passwordHash: 'x' });
    await insertMembership(db, userId, { role: 'contributor', structureId: s.id });
    const token = randomBytes(32).toString('base64url');
    const csrf = csrfTokenOf(token);
    await insertSession(db, { id: sessionIdOf(token), userId, expiresAt: new Date(Date.now() + 864e5) });
    editors.push({ cookie: `senacs_session=${token}`, csrf, responseId: r.id });
  }
  return editors;
}

const CODES = ['participation.benevoles', 'participation.adherents', 'participation.heures_benevoles', 'actions.culture.personnes', 'rh.masse_salariale', 'finances.tresorerie'];

const agent = new http.Agent({ keepAlive: true, maxSockets: EDITORS });

/** One HTTP request on a kept-alive socket (lighter than fetch for the load generator sharing the cores). */
function request(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolveRequest, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { try { resolveRequest({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }); } catch (e) { reject(e); } });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Each editor saves, carrying the version it got back, until the time is up: as soon as acknowledged
 * (rate null, closed loop) or on a schedule making `rate` saves/s for all editors together (open loop,
 * random phase; a save due while the previous one is in flight waits, as the page's save queue does, and
 * its latency counts from when it was due).
 */
async function autosaveLoad(port: number, editors: Editor[], rate: number | null) {
  const latencies: number[] = [];
  let saves = 0;
  let failures = 0;
  const start = performance.now();
  const warmup = start + 1500;
  const deadline = start + SECONDS * 1000;
  const period = rate ? (editors.length / rate) * 1000 : 0;
  await Promise.all(editors.map(async (e, i) => {
    const versions = new Map<string, number>();
    const current = (await request(port, 'GET', `/api/responses/${e.responseId}`, { cookie: e.cookie })).json as { answers: { code: string; version: number }[] };
    for (const a of current.answers) versions.set(a.code, a.version);
    let n = i;
    let due = start + (rate ? ((i * 7919) % editors.length) / editors.length * period : 0);
    while (due < deadline) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t = rate ? due : performance.now();
      const code = CODES[n++ % CODES.length];
      const res = await request(port, 'PUT', `/api/responses/${e.responseId}/answers/${code}`,
        { cookie: e.cookie, 'x-csrf-token': e.csrf, 'content-type': 'application/json' },
        JSON.stringify({ value: 10 + (n % 50), baseVersion: versions.get(code) ?? 0 }));
      const body = res.json as { version?: number };
      if (res.status !== 200 || !body.version) { failures++; due = rate ? due + period : performance.now(); continue; }
      versions.set(code, body.version);
      if (t > warmup) { latencies.push(performance.now() - t); saves++; }
      due = rate ? due + period : performance.now();
    }
  }));
  if (failures > 0) throw new Error(`${failures} autosaves failed`);
  return { perSecond: saves / ((Math.max(performance.now(), deadline) - warmup) / 1000), latencies };
}

/** Single-row INSERTs from 200 concurrent clients (pool of the app's size) into a scratch table, for 3 s. */
async function rawInsertRate(database: Database$) {
  const { db } = database;
  await sql`create table if not exists bench_insert (id bigserial primary key, response_id int, code text, value jsonb, at timestamptz default now())`.execute(db);
  let n = 0;
  const deadline = performance.now() + 3000;
  const start = performance.now();
  await Promise.all(Array.from({ length: EDITORS }, async (_, i) => {
    while (performance.now() < deadline) {
      await sql`insert into bench_insert (response_id, code, value) values (${i}, ${'participation.benevoles'}, ${JSON.stringify(n)}::jsonb)`.execute(db);
      n++;
    }
  }));
  await sql`drop table bench_insert`.execute(db);
  return n / ((performance.now() - start) / 1000);
}

/** Waits for the debounce to pass, then until the server answers its health check promptly five times in a row. */
async function settle(port: number) {
  await new Promise((r) => setTimeout(r, 2000));
  for (let quick = 0, i = 0; quick < 5 && i < 600; i++) {
    const t = performance.now();
    await request(port, 'GET', '/api/health', {});
    quick = performance.now() - t < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function waitHealthy(port: number, child: ChildProcess) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server not ready');
}
