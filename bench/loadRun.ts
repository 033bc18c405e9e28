import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { DEMO_CENTRE } from '../src/domain/demo/structures';
import { percentile } from './lib';

const ROOT = resolve(import.meta.dirname, '..');
const PASSWORD = 'demo-senacs-2026';

export interface LoadResult {
  requests: number; rps: number; p50: number; p99: number; errors: number; byKind: Record<string, { n: number; p99: number }>;
  /** CPU the load generator itself used during the measured round, in % of one core (it shares the machine's cores with the servers). */
  clientCpuPct: number;
  /** How busy the machine's cores were during the measured round, in % of all of them (servers, PostgreSQL, the generator, the rest); null off Linux. */
  machineBusyPct: number | null;
}

/** The machine's busy and total CPU time so far (Linux's /proc/stat), or null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch { return null; }
}

const freePort = () => new Promise<number>((ok, ko) => {
  const srv = createServer();
  srv.once('error', ko);
  srv.listen(0, '127.0.0.1', () => { const a = srv.address(); srv.close(() => ok(typeof a === 'object' && a ? a.port : 0)); });
});

/**
 * Starts `senacs serve` (with the demo at `scale`, seeded on the first start of that folder or database)
 * and waits for /api/health. `processes` > 1 uses `--processes` (PostgreSQL only).
 */
export async function startBenchServer(env: Record<string, string>, processes: number): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const args = ['bin/senacs.js', 'serve', '--port', String(port), ...(processes > 1 ? ['--processes', String(processes)] : [])];
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DEMO_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(t);
  };
  for (const until = Date.now() + 30 * 60_000; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error(`server stopped:\n${out.slice(-3000)}`);
    if (/prêt sur/.test(out) && (await fetch(`${base}/api/health`).then((r) => r.ok, () => false))) return { base, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`server silent:\n${out.slice(-3000)}`);
}

async function login(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

interface Answer { status: number; body: Buffer; encoding: string | undefined }

/**
 * One request as a browser sends it (keep-alive, `Accept-Encoding: br, gzip`), answered with the bytes as they
 * travelled: the body is read to its last byte but not decoded (see `decoded`) — the load generator shares the
 * machine's two cores with the server, and decoding a 700 kB national dashboard is the reader's work, not the server's.
 */
function send(agent: Agent, base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((ok, ko) => {
    const req = request(`${base}${path}`, { agent, method: init.method ?? 'GET', headers: { 'accept-encoding': 'br, gzip', ...init.headers, ...(init.body ? { 'content-length': Buffer.byteLength(init.body) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] }));
      res.on('error', ko);
    });
    req.on('error', ko);
    req.end(init.body);
  });
}

/** The text of an answer, decoded when it travelled compressed. */
const decoded = (a: Answer) => (a.encoding === 'br' ? brotliDecompressSync(a.body) : a.encoding === 'gzip' ? gunzipSync(a.body) : a.body).toString('utf8');

/**
 * 50 clients (by default) for `seconds`, each on its own keep-alive connection, sending its next request as soon
 * as the last one answered, in these shares: public dashboard 35 % (nation or a département), public directory
 * 20 %, a structure's fact sheet data 10 %, autosaves 25 % (each client its own question of the demo centre's open
 * response), the correspondent's validation check 10 %. A warm-up of `warmupSeconds` (5) is not counted. Errors:
 * any status other than 2xx, or no answer. Bodies are read whole, decoded only where the client needs them (an
 * autosave's new version).
 */
export async function mixedLoad(base: string, o: { clients: number; seconds: number; warmupSeconds?: number; publishedYear: number; openYear: number }): Promise<LoadResult> {
  const [team, director, caf] = [await login(base, 'equipe@demo.senacs.test'), await login(base, 'direction@demo.senacs.test'), await login(base, 'caf69@demo.senacs.test')];
  const list = (await (await fetch(`${base}/api/structures?q=${encodeURIComponent(DEMO_CENTRE.name)}`)).json()) as { items: { id: number; name: string }[] };
  const centreId = list.items.find((s) => s.name === DEMO_CENTRE.name)!.id;
  const opened = await fetch(`${base}/api/structures/${centreId}/campaigns/${o.openYear}/response`, { method: 'POST', headers: team });
  const responseId = ((await opened.json()) as { responseId: number }).responseId;
  const detail = (await (await fetch(`${base}/api/responses/${responseId}`, { headers: team })).json()) as { answers: { code: string; value: unknown; version: number }[] };
  const numeric = detail.answers.filter((a) => typeof a.value === 'number');
  const versions = new Map(numeric.map((a) => [a.code, a.version]));
  const agent = new Agent({ keepAlive: true, maxSockets: o.clients });

  let times: number[] = [];
  let byKind: Record<string, number[]> = {};
  let errors = 0;
  let until = 0;
  const one = async (client: number, kind: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const t = performance.now();
    try {
      const res = await send(agent, base, path, init);
      if (res.status === 409 && kind === 'autosave') {
        // Two clients on one question (fewer numeric answers than clients): take the current version, as the page does.
        const cur = (JSON.parse(decoded(res)) as { error: { details: { current: { version: number } } } }).error.details.current;
        versions.set(numeric[client % numeric.length].code, cur.version);
      } else if (res.status < 200 || res.status > 299) errors++;
      else if (kind === 'autosave') versions.set(numeric[client % numeric.length].code, (JSON.parse(decoded(res)) as { version: number }).version);
    } catch { errors++; }
    const ms = performance.now() - t;
    times.push(ms);
    (byKind[kind] ??= []).push(ms);
  };
  const deps = ['69', '13', '75', '33', '59'];
  const round = (seconds: number) => { until = performance.now() + seconds * 1000; return Promise.all(Array.from({ length: o.clients }, async (_, client) => {
    while (performance.now() < until) {
      const r = Math.random();
      const dep = deps[Math.floor(Math.random() * deps.length)];
      if (r < 0.35) await one(client, 'dashboard', `/api/stats/dashboard?year=${o.publishedYear}&level=${Math.random() < 0.5 ? 'nation' : `departement&code=${dep}`}`);
      else if (r < 0.55) await one(client, 'directory', `/api/structures?departement=${dep}`);
      else if (r < 0.65) await one(client, 'fact_sheet', `/api/structures/${centreId}/fact-sheet?year=${o.publishedYear}&format=json`, { headers: director });
      else if (r < 0.9 && numeric.length) {
        const a = numeric[client % numeric.length];
        await one(client, 'autosave', `/api/responses/${responseId}/answers/${a.code}`, { method: 'PUT', headers: { ...team, 'content-type': 'application/json' }, body: JSON.stringify({ value: a.value, baseVersion: versions.get(a.code) }) });
      } else await one(client, 'validation', `/api/responses/${responseId}/validation`, { headers: caf });
    }
  })); };
  try {
    // A warm-up first, not counted: every process loads its caches (populations, questionnaires) as after any start.
    await round(o.warmupSeconds ?? 5);
    [times, byKind, errors] = [[], {}, 0];
    const cpu = process.cpuUsage();
    const machine = machineTicks();
    const wall = performance.now();
    await round(o.seconds);
    const used = process.cpuUsage(cpu);
    const machineAfter = machineTicks();
    const machineBusyPct = machine && machineAfter ? (100 * (machineAfter.busy - machine.busy)) / (machineAfter.total - machine.total) : null;
    const clientCpuPct = (100 * (used.user + used.system) / 1000) / (performance.now() - wall);
    const kinds = Object.fromEntries(Object.entries(byKind).map(([k, xs]) => [k, { n: xs.length, p99: Math.round(percentile(xs, 99)) }]));
    return { requests: times.length, rps: times.length / o.seconds, p50: percentile(times, 50), p99: percentile(times, 99), errors, byKind: kinds, clientCpuPct, machineBusyPct };
  } finally { agent.destroy(); }
}

/** The first national dashboard after a start (the year's population is loaded on demand): its time in ms. */
export async function firstDashboardMs(base: string, year: number): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${base}/api/stats/dashboard?year=${year}&level=nation`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`dashboard: ${res.status}`);
  return performance.now() - t;
}

/**
 * /api/health sampled every 25 ms while heavy work runs on the server: the ELISFA-shaped example of
 * `year` imported (stored, then its changed structures re-checked) and a dry run of the same file four
 * times over (parse and matching). Answers the health times and how long the heavy work took.
 */
export async function busyHealth(base: string, year: number): Promise<{ times: number[]; workMs: number }> {
  const admin = await login(base, 'national@demo.senacs.test');
  const example = await (await fetch(`${base}/api/external/example?year=${year}`, { headers: admin })).text();
  const [header, ...rows] = example.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  const big = [header, ...rows, ...rows, ...rows, ...rows].join('\r\n');
  // A data set of its own each run: the same file imported again would be « unchanged » and stored no more.
  const dataset = `bench_busy_${Date.now().toString(36)}`;
  const upload = async (text: string, dryRun: boolean) => {
    const form = new FormData();
    form.set('file', new Blob([text], { type: 'text/csv' }), 'elisfa.csv');
    const res = await fetch(`${base}/api/external/import?dataset=${dataset}&year=${year}&dryRun=${dryRun}`, { method: 'POST', headers: admin, body: form });
    await res.arrayBuffer();
    // The file four times over repeats its SIRETs: a 400 listing them is the expected answer of the dry run.
    if (!res.ok && !(dryRun && res.status === 400)) throw new Error(`import: ${res.status}`);
  };
  const times: number[] = [];
  let busy = true;
  const started = performance.now();
  const work = (async () => { await upload(example, false); await upload(big, true); })().finally(() => { busy = false; });
  while (busy) {
    const t = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    times.push(performance.now() - t);
    await new Promise((ok) => setTimeout(ok, 25));
  }
  await work;
  return { times, workMs: performance.now() - started };
}
