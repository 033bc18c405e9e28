import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { bigRowsXlsx } from '../src/testing/oversizedUploads';
import { median, percentile, round, type Figures } from './lib';
import { directoryImportRowsPerS } from './directoryImport';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Foundation figures on the embedded database: seeding the national demo into a fresh data folder,
 * time to ready on that folder, server RSS, the structures list under a mix of searches and filters, and
 * the time to refuse the 400,000-row workbook of issue 13 (upload_refusal_ms), and the directory import
 * rate of issue 15 (structures_import_rows_per_s, see directoryImport.ts), and the restart after kill -9
 * (restart_after_kill_s, with its ratio to a clean start measured in the same run).
 */
export async function run(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'senacs-bench-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    await migrateToLatest(database.db);
    const t = performance.now();
    await seedDemo(database.db, { scale: Number(process.env.BENCH_SCALE ?? 1) });
    const seedS = (performance.now() - t) / 1000;
    const { year } = await database.db.selectFrom('campaigns').select('year').orderBy('year', 'desc').executeTakeFirstOrThrow();
    await database.close();

    const readies: number[] = [];
    let rssMb = 0;
    let lat: number[] = [];
    let refusals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = 3900 + i;
      const started = performance.now();
      const child = spawn(process.execPath, ['bin/senacs.js', 'serve', '--port', String(port)], {
        cwd: ROOT, env: { ...process.env, DATA_DIR: dir, DEMO_PASSWORD: 'bench-password-2026', DATABASE_URL: '' }, stdio: 'ignore',
      });
      try {
        await waitHealthy(port, child);
        readies.push((performance.now() - started) / 1000);
        if (i === 0) {
          lat = await listLatencies(port);
          rssMb = rssOf(child.pid!);
          refusals = await uploadRefusals(port, year);
        }
      } finally { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
    }
    // Restart after a crash: the server is killed (SIGKILL, no clean shutdown of the embedded database)
    // and started again on the same folder; time from the new process to a healthy /api/health.
    const restarts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const port = 3910 + i;
      const env = { ...process.env, DATA_DIR: dir, DEMO_PASSWORD: 'bench-password-2026', DATABASE_URL: '' };
      const victim = spawn(process.execPath, ['bin/senacs.js', 'serve', '--port', String(port)], { cwd: ROOT, env, stdio: 'ignore' });
      await waitHealthy(port, victim);
      victim.kill('SIGKILL');
      await new Promise((r) => victim.once('exit', r));
      const started = performance.now();
      const child = spawn(process.execPath, ['bin/senacs.js', 'serve', '--port', String(port)], { cwd: ROOT, env, stdio: 'ignore' });
      try {
        await waitHealthy(port, child);
        restarts.push((performance.now() - started) / 1000);
      } finally { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
    }
    return {
      restart_after_kill_s: { value: round(median(restarts), 2), unit: 's' },
      restart_to_ready_ratio: { value: round(median(restarts) / median(readies), 2), unit: 'x' },
      seed_s: { value: round(seedS), unit: 's' },
      ready_s: { value: round(median(readies), 2), unit: 's' },
      rss_mb: { value: Math.round(rssMb), unit: 'MB' },
      structures_list_p50_ms: { value: round(percentile(lat, 50), 2), unit: 'ms' },
      structures_list_p95_ms: { value: round(percentile(lat, 95), 2), unit: 'ms' },
      upload_refusal_ms: { value: round(median(refusals)), unit: 'ms' },
      structures_import_rows_per_s: { value: Math.round(await directoryImportRowsPerS()), unit: 'rows/s' },
    };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

async function waitHealthy(port: number, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server not ready');
}

/** 300 list requests: plain pages, name searches, territory and attribute filters. */
async function listLatencies(port: number) {
  const queries = ['', 'q=centre', 'q=lyon', 'departement=69', 'region=84&kind=CS', 'qpv=inside', 'management=association&territory=rural',
    'page=20', 'q=maison&pageSize=100', 'departement=13&kind=EVS'];
  for (const q of queries) await fetch(`http://127.0.0.1:${port}/api/structures?${q}`); // warm-up
  const out: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/structures?${queries[i % queries.length]}`);
    await res.arrayBuffer();
    out.push(performance.now() - t);
  }
  return out;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** The 400,000-row workbook of issue 13 sent five times by a correspondent as a dry run: the time to its 413. */
async function uploadRefusals(port: number, year: number) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'caf69@demo.senacs.test', password: 'bench-password-2026' }) });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const body = bigRowsXlsx();
  const out: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const res = await fetch(`${base}/api/campaigns/${year}/responses/import?dryRun=true`, { method: 'POST', headers, body: body as Uint8Array<ArrayBuffer> });
    await res.arrayBuffer();
    if (res.status !== 413) throw new Error(`upload: ${res.status} instead of 413`);
    out.push(performance.now() - t);
  }
  return out;
}
