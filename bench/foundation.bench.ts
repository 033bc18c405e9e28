import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { median, percentile, round, type Figures } from './lib';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Foundation figures on the embedded database: seeding the national demo into a fresh data folder,
 * time to ready on that folder, server RSS, and the structures list under a mix of searches and filters.
 */
export async function run(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'senacs-bench-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    await migrateToLatest(database.db);
    const t = performance.now();
    await seedDemo(database.db, { scale: Number(process.env.BENCH_SCALE ?? 1) });
    const seedS = (performance.now() - t) / 1000;
    await database.close();

    const readies: number[] = [];
    let rssMb = 0;
    let lat: number[] = [];
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
        }
      } finally { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
    }
    return {
      seed_s: { value: round(seedS), unit: 's' },
      ready_s: { value: round(median(readies), 2), unit: 's' },
      rss_mb: { value: Math.round(rssMb), unit: 'MB' },
      structures_list_p50_ms: { value: round(percentile(lat, 50), 2), unit: 'ms' },
      structures_list_p95_ms: { value: round(percentile(lat, 95), 2), unit: 'ms' },
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
