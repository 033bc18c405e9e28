import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dropDatabaseWhenClosed } from './db/connection';
import { DEMO } from './testing/http';
import { TEST_PASSWORD } from './testing/template';
import { DEMO_CENTRE } from './domain/demo/structures';

/**
 * Issue 16: two real server processes (`senacs serve`) on one PostgreSQL database, as behind a load
 * balancer. Pages connected to different processes must see each other through LISTEN/NOTIFY.
 * PostgreSQL only: the embedded database serves a single process (npm test runs it with DATABASE_URL too).
 */
const template = inject('dbTemplate');
const ROOT = resolve(import.meta.dirname, '..');

interface Server { base: string; child: ChildProcess; logs: () => string }
interface Seen { type: string; data: Record<string, unknown>; at: number }

const freePort = () => new Promise<number>((ok, ko) => {
  const srv = createServer();
  srv.once('error', ko);
  srv.listen(0, '127.0.0.1', () => { const a = srv.address(); srv.close(() => ok(typeof a === 'object' && a ? a.port : 0)); });
});

async function startServer(databaseUrl: string, extra: string[] = []): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/senacs.js', 'serve', '--port', String(port), '--no-demo', ...extra], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  const base = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 150_000; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`serveur arrêté (code ${child.exitCode}) :\n${out}`);
    if (/prêt sur/.test(out) && (await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) return { base, child, logs: () => out };
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`serveur muet sur ${base} :\n${out}`);
}

async function stopServer(s: Server | undefined) {
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

async function login(s: Server, email: string): Promise<Record<string, string>> {
  const res = await fetch(`${s.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

const send = (s: Server, method: string, path: string, h: Record<string, string>, body?: unknown) =>
  fetch(`${s.base}${path}`, { method, headers: { 'content-type': 'application/json', ...h }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** Reads a response's live feed (the Server-Sent Events the filling page follows) into a list. */
function follow(s: Server, responseId: number, h: Record<string, string>) {
  const ctl = new AbortController();
  const events: Seen[] = [];
  let opened = false;
  void (async () => {
    const res = await fetch(`${s.base}/api/responses/${responseId}/live`, { headers: { cookie: h.cookie }, signal: ctl.signal });
    opened = res.ok;
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buf += value;
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const type = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        if (type && data) events.push({ type, data: JSON.parse(data) as Record<string, unknown>, at: Date.now() });
      }
    }
  })().catch(() => undefined);
  return { events, ready: () => opened && events.length > 0, stop: () => ctl.abort() };
}

const names = (e: Seen | undefined) => ((e?.data.people ?? []) as { name: string }[]).map((p) => p.name);

describe.skipIf(template.kind !== 'postgres')('two server processes on one PostgreSQL database (needs DATABASE_URL)', () => {
  let admin: pg.Client;
  let name: string;
  let a: Server | undefined;
  let b: Server | undefined;
  let responseId: number;
  let submittedId: number;
  let centreId: number;

  beforeAll(async () => {
    if (template.kind !== 'postgres') return;
    name = `senacs_mp_${randomBytes(5).toString('hex')}`;
    admin = new pg.Client({ connectionString: template.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template.template}`);
    const u = new URL(template.url);
    u.pathname = `/${name}`;
    const db = new pg.Client({ connectionString: u.toString() });
    await db.connect();
    try {
      const sub = await db.query<{ id: number }>(`select r.id from responses r join structures s on s.id = r.structure_id join campaigns k on k.id = r.campaign_id
        where k.year = 2025 and s.departement_code = '69' and r.state = 'submitted' order by r.id limit 1`);
      submittedId = sub.rows[0].id;
      centreId = (await db.query<{ id: number }>('select id from structures where name = $1', [DEMO_CENTRE.name])).rows[0].id;
    } finally { await db.end(); }
    // One after the other: a first start without dist/web builds the web app, and two builds at once would collide.
    a = await startServer(u.toString());
    b = await startServer(u.toString());
    const team = await login(a, DEMO.team);
    const res = await send(a, 'POST', `/api/structures/${centreId}/campaigns/2025/response`, team);
    if (res.status !== 200) throw new Error(`réponse du centre : ${res.status} ${await res.text()}`);
    responseId = ((await res.json()) as { responseId: number }).responseId;
  });

  afterAll(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    if (admin) {
      await dropDatabaseWhenClosed(admin, name);
      await admin.end();
    }
  });

  it('two editors on different processes see each other’s presence and saved answer within a second; a stale write is still refused', async () => {
    const [team, director] = await Promise.all([login(a!, DEMO.team), login(b!, DEMO.director)]);
    const onA = follow(a!, responseId, team);
    const onB = follow(b!, responseId, director);
    try {
      await expect.poll(() => onA.ready() && onB.ready(), { timeout: 10_000 }).toBe(true);

      // Presence: each heartbeat reaches the page on the other process.
      expect((await send(b!, 'POST', `/api/responses/${responseId}/presence`, director, { section: 'rh' })).status).toBe(200);
      await expect.poll(() => names(onA.events.filter((e) => e.type === 'presence').at(-1)), { timeout: 1000, interval: 20 }).toHaveLength(1);
      const beforeTeam = onB.events.length;
      expect((await send(a!, 'POST', `/api/responses/${responseId}/presence`, team, { section: 'participation' })).status).toBe(200);
      await expect.poll(() => names(onB.events.slice(beforeTeam).filter((e) => e.type === 'presence').at(-1)).length, { timeout: 1000, interval: 20 }).toBe(2);
      // Both processes answer the same presence list to a page that opens the response now.
      const people = async (s: Server, h: Record<string, string>) =>
        ((await (await fetch(`${s.base}/api/responses/${responseId}`, { headers: h })).json()) as { presence: { name: string }[] }).presence.map((p) => p.name);
      expect(await people(a!, team)).toEqual(await people(b!, director));
      expect(await people(a!, team)).toHaveLength(2);

      // A saved answer on process A shows on the page connected to process B.
      const current = ((await (await fetch(`${a!.base}/api/responses/${responseId}`, { headers: team })).json()) as { answers: { code: string; version: number }[] })
        .answers.find((x) => x.code === 'participation.benevoles');
      const base = current?.version ?? 0;
      const saved = await send(a!, 'PUT', `/api/responses/${responseId}/answers/participation.benevoles`, team, { value: 64, baseVersion: base });
      expect(saved.status).toBe(200);
      const savedAt = Date.now();
      await expect.poll(() => onB.events.find((e) => e.type === 'answer' && e.data.code === 'participation.benevoles' && e.data.value === 64), { timeout: 1000, interval: 10 }).toBeTruthy();
      const seen = onB.events.find((e) => e.type === 'answer' && e.data.value === 64)!;
      expect(seen.data).toMatchObject({ version: base + 1, authorId: expect.any(Number) });
      expect(seen.at - savedAt).toBeLessThan(1000);

      // The director on process B still writes on the old version: refused with its code, nothing changed.
      const stale = await send(b!, 'PUT', `/api/responses/${responseId}/answers/participation.benevoles`, director, { value: 99, baseVersion: base });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { error: { code: string; details: { current: { value: unknown } } } }).error).toMatchObject({ code: 'conflict', details: { current: { value: 64 } } });
    } finally {
      onA.stop();
      onB.stop();
    }
  });

  it('a validation made on one process reaches a page following the response on the other', async () => {
    const caf = await login(a!, DEMO.caf69);
    // The session lives in the database: the same cookie works on either process.
    const onB = follow(b!, submittedId, caf);
    const cockpit = async () => ((await (await fetch(`${b!.base}/api/campaigns/2025/cockpit?level=departement&code=69`, { headers: caf })).json()) as { byState: Record<string, number> }).byState;
    try {
      await expect.poll(() => onB.ready(), { timeout: 10_000 }).toBe(true);
      const before = await cockpit();
      const res = await send(a!, 'POST', `/api/responses/${submittedId}/validate`, caf, {});
      expect(res.status, await res.clone().text()).toBe(200);
      const at = Date.now();
      await expect.poll(() => onB.events.find((e) => e.type === 'state')?.data, { timeout: 1000, interval: 10 }).toEqual({ type: 'state', state: 'validated' });
      expect(onB.events.find((e) => e.type === 'state')!.at - at).toBeLessThan(1000);
      // And process B's own view of the response says so at once.
      const r = (await (await fetch(`${b!.base}/api/responses/${submittedId}`, { headers: caf })).json()) as { response: { state: string } };
      expect(r.response.state).toBe('validated');
      // So does its follow-up view of the département (the correspondents' working view).
      const after = await cockpit();
      expect([after.validated ?? 0, after.submitted ?? 0]).toEqual([(before.validated ?? 0) + 1, (before.submitted ?? 0) - 1]);
    } finally {
      onB.stop();
    }
  });

  it('serve --processes 2 starts two workers on one port, and stops them all on SIGTERM', async () => {
    const u = new URL(template.kind === 'postgres' ? template.url : '');
    u.pathname = `/${name}`;
    const c = await startServer(u.toString(), ['--processes', '2']);
    try {
      expect(c.logs()).toMatch(/PostgreSQL, 2 processus/);
      await expect.poll(() => (c.logs().match(/Processus \d \(pid \d+\) prêt/g) ?? []).length, { timeout: 30_000 }).toBe(2);
      const workers = [...c.logs().matchAll(/Processus \d \(pid (\d+)\) prêt/g)].map((m) => Number(m[1]));
      for (let i = 0; i < 4; i++) expect((await fetch(`${c.base}/api/health`)).status).toBe(200);
      await stopServer(c);
      const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
      await expect.poll(() => workers.filter(alive), { timeout: 15_000 }).toEqual([]);
    } finally { await stopServer(c); }
  });

  it('a queued job runs exactly once when both processes compete, and still runs after a kill -9 of the process that queued or held it', async () => {
    const u = new URL(template.kind === 'postgres' ? template.url : '');
    u.pathname = `/${name}`;
    const db = new pg.Client({ connectionString: u.toString() });
    await db.connect();
    const count = async (q: string, v: unknown[]) => Number((await db.query<{ n: string }>(q, v)).rows[0].n);
    try {
      // Every claim of a job is recorded by a trigger of this test database: a job taken twice would show twice.
      await db.query('create table test_job_claims (job_id bigint, locked_by text)');
      await db.query(`create function test_job_claimed() returns trigger language plpgsql as $$
        begin insert into test_job_claims values (new.id, new.locked_by); return new; end $$`);
      await db.query(`create trigger test_job_claimed after update of state on jobs for each row when (new.state = 'running') execute function test_job_claimed()`);
      const responses = (await db.query<{ id: number }>(`select r.id from responses r join campaigns k on k.id = r.campaign_id where k.year = 2025 order by r.id limit 40`)).rows.map((r) => r.id);
      // Forty re-checks due at once, then one NOTIFY: both runners wake and compete for them.
      const ids = (await db.query<{ id: string }>(`insert into jobs (kind, payload) select 'quality.recheck', jsonb_build_object('responseId', x) from unnest($1::int[]) x returning id`, [responses])).rows.map((r) => Number(r.id));
      await db.query(`select pg_notify('senacs_jobs', 'quality.recheck:0')`);
      await expect.poll(() => count('select count(*) as n from jobs where id = any($1)', [ids]), { timeout: 20_000, interval: 100 }).toBe(0);
      const claims = (await db.query<{ job_id: string; locked_by: string }>('select job_id, locked_by from test_job_claims where job_id = any($1)', [ids])).rows;
      expect(claims).toHaveLength(ids.length);
      expect(new Set(claims.map((c) => c.job_id)).size).toBe(ids.length);
      const pidOf = (lockedBy: string) => Number(lockedBy.split(':')[1]);
      expect(claims.every((c) => [a!.child.pid, b!.child.pid].includes(pidOf(c.locked_by)))).toBe(true);

      // An autosave on A queues its debounced re-check; A is killed at once: B runs the re-check.
      const team = await login(a!, DEMO.team);
      const current = ((await (await fetch(`${a!.base}/api/responses/${responseId}`, { headers: team })).json()) as { answers: { code: string; version: number }[] })
        .answers.find((x) => x.code === 'participation.benevoles');
      const saved = await send(a!, 'PUT', `/api/responses/${responseId}/answers/participation.benevoles`, team, { value: 65, baseVersion: current?.version ?? 0 });
      expect(saved.status).toBe(200);
      const queued = Number((await db.query<{ id: string }>(`select id from jobs where kind = 'quality.recheck' and dedupe_key = $1 and state = 'pending'`, [String(responseId)])).rows[0].id);
      // And a job A held when it died (its lock five minutes old and more, as after a real crash some time ago).
      const held = Number((await db.query<{ id: string }>(`insert into jobs (kind, payload, state, attempts, locked_at, locked_by)
        values ('quality.recheck', jsonb_build_object('responseId', $1::int), 'running', 1, now() - interval '6 minutes', $2) returning id`, [responses[0], `host:${a!.child.pid}:dead`])).rows[0].id);
      const killed = a!.child;
      const gone = new Promise((ok) => killed.once('exit', ok));
      killed.kill('SIGKILL');
      await gone;
      a = undefined;
      await db.query(`select pg_notify('senacs_jobs', 'quality.recheck:0')`);
      await expect.poll(() => count('select count(*) as n from jobs where id = any($1)', [[queued, held]]), { timeout: 20_000, interval: 100 }).toBe(0);
      const after = (await db.query<{ job_id: string; locked_by: string }>('select job_id, locked_by from test_job_claims where job_id = any($1)', [[queued, held]])).rows;
      expect(after.map((c) => [Number(c.job_id), pidOf(c.locked_by)]).sort()).toEqual([[queued, b!.child.pid], [held, b!.child.pid]].sort());
    } finally { await db.end(); }
  });
});
