import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DEMO_YEARS } from '../src/domain/demo/answers';
import { percentile, round, type Figures } from './lib';
import { busyHealth, firstDashboardMs, mixedLoad, startBenchServer } from './loadRun';
import { fillingPageJs } from './webBytes';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'dist/web');

/**
 * Issue 16. Bytes that travel: the filling page's JavaScript on a first visit, plain (what went out before
 * precompression) and brotli (what goes out now). Many users at once: a mixed load (see mixedLoad) from
 * BENCH_LOAD_CLIENTS (50) clients for BENCH_LOAD_SECONDS (30) on real `senacs serve` processes: PGlite,
 * PostgreSQL with one and with two processes, on the demo at BENCH_LOAD_SCALE (0.25; seeded once into
 * a kept folder / database). BENCH_LOAD_SERVERS=0 measures the bytes only. On the first server (PGlite):
 * dashboard_first_call_ms (the first national dashboard after the start, before the load) and
 * busy_health_p99_ms (/api/health while an external import is stored and another file parsed, after it);
 * busy_health_pg_p99_ms the same on PostgreSQL with one process. load_<db>_<n>p_client_cpu_pct: the CPU the load
 * generator itself took (it runs on the same two cores as the servers, so it bounds what a second process can add);
 * load_<db>_<n>p_machine_busy_pct: how busy all the machine's cores were (a second process only adds what one leaves).
 * PostgreSQL through BENCH_PG_URL (default DATABASE_URL, then the local Unix socket
 * `postgres://postgres@localhost/test?host=/var/run/postgresql` when there is one, else 127.0.0.1:5432 over TCP).
 */
export async function run(): Promise<Figures> {
  if (!existsSync(join(WEB, 'index.html'))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const js = fillingPageJs(WEB);
  console.log(`# load: filling page scripts ${js.files.join(', ')}`);
  const figures: Figures = {
    filling_page_js_kb: { value: round(js.brotli / 1000), unit: 'kB' },
    filling_page_js_uncompressed_kb: { value: round(js.plain / 1000), unit: 'kB' },
  };
  if (process.env.BENCH_LOAD_SERVERS === '0') return figures;

  const scale = process.env.BENCH_LOAD_SCALE ?? '0.25';
  const o = { clients: Number(process.env.BENCH_LOAD_CLIENTS ?? 50), seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 30), publishedYear: DEMO_YEARS.at(-2)!, openYear: DEMO_YEARS.at(-1)! };
  const pgName = `senacs_bench_load_s${scale.replace('.', '_')}`;
  // On one host a deployment reaches PostgreSQL through its Unix socket (README): the bench does too when it is there.
  const socket = existsSync('/var/run/postgresql/.s.PGSQL.5432');
  const adminUrl = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL
    ?? (socket ? 'postgres://postgres@localhost/test?host=/var/run/postgresql' : 'postgres://postgres@127.0.0.1:5432/test');
  console.log(`# load: PostgreSQL at ${adminUrl.replace(/\/\/[^@]*@/, '//')}`);
  const pgUrl = await (async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
      if ((await admin.query('select 1 from pg_database where datname = $1', [pgName])).rowCount === 0) await admin.query(`create database ${pgName}`);
      const u = new URL(adminUrl); u.pathname = `/${pgName}`;
      return u.toString();
    } catch (e) {
      console.log(`# load: PostgreSQL unreachable (${(e as Error).message}), its figures skipped`);
      return undefined;
    } finally { await admin.end().catch(() => undefined); }
  })();
  const configs = [
    { db: 'pglite', processes: 1, env: { DATA_DIR: join(tmpdir(), `senacs-bench-load-s${scale}`), SENACS_DEMO_SCALE: scale } },
    ...(pgUrl ? [1, 2].map((processes) => ({ db: 'pg', processes, env: { DATABASE_URL: pgUrl, SENACS_DEMO_SCALE: scale } })) : []),
  ];
  let errors = 0;
  for (const c of configs) {
    const server = await startBenchServer(c.env, c.processes);
    try {
      const first = await firstDashboardMs(server.base, o.publishedYear);
      console.log(`# load ${c.db} ${c.processes}p: first national dashboard after the start ${Math.round(first)} ms`);
      if (c === configs[0]) figures.dashboard_first_call_ms = { value: Math.round(first), unit: 'ms' };
      const r = await mixedLoad(server.base, o);
      console.log(`# load ${c.db} ${c.processes}p (scale ${scale}, ${o.clients} clients, ${o.seconds} s): ${r.requests} requests, p50 ${Math.round(r.p50)} ms, ${JSON.stringify(r.byKind)}`);
      figures[`load_${c.db}_${c.processes}p_rps`] = { value: round(r.rps), unit: 'req/s' };
      figures[`load_${c.db}_${c.processes}p_p99_ms`] = { value: Math.round(r.p99), unit: 'ms' };
      figures[`load_${c.db}_${c.processes}p_client_cpu_pct`] = { value: Math.round(r.clientCpuPct), unit: '% of a core' };
      // A second process can only add what the first leaves of the machine: near 100 % busy with one, two cannot do 1.3×.
      if (r.machineBusyPct !== null) figures[`load_${c.db}_${c.processes}p_machine_busy_pct`] = { value: Math.round(r.machineBusyPct), unit: '% of all cores' };
      errors += r.errors;
      if (c.processes === 1) {
        const busy = await busyHealth(server.base, o.publishedYear);
        console.log(`# load ${c.db}: health while an external import runs (${Math.round(busy.workMs)} ms): ${busy.times.length} calls, p50 ${Math.round(percentile(busy.times, 50))} ms, p99 ${Math.round(percentile(busy.times, 99))} ms`);
        figures[c === configs[0] ? 'busy_health_p99_ms' : `busy_health_${c.db}_p99_ms`] = { value: Math.round(percentile(busy.times, 99)), unit: 'ms' };
      }
    } finally { await server.stop(); }
  }
  figures.load_errors = { value: errors, unit: 'requests' };
  return figures;
}
