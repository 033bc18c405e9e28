import { existsSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabaseWhenClosed, openDatabase, type Database$ } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { countStructures } from '../src/db/structure.repo';
import { campaignYears } from '../src/db/aggregation.repo';
import { getPopulation } from '../src/app/stats/populationCache';
import { listReleases } from '../src/db/release.repo';
/** A figure printed as `bench: <name> = <value> <unit>`. */
export interface Figure { value: number; unit: string }
export type Figures = Record<string, Figure>;

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Runs `fn` `runs` times and returns the median duration in ms. */
export async function medianMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The national demo (scale 1) in a PGlite data folder of its own per bench group, seeded on first use and
 * reused by later runs (BENCH_<GROUP>_DIR names another folder).
 * @example const database = await nationalDemo('compare');
 */
export async function nationalDemo(group: string): Promise<Database$> {
  const dir = process.env[`BENCH_${group.toUpperCase()}_DIR`] ?? join(tmpdir(), `senacs-bench-${group}-s1`);
  mkdirSync(dir, { recursive: true });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  const database = await openDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  if (fresh || (await countStructures(database.db)) === 0) {
    const t = performance.now();
    await seedDemo(database.db, { scale: 1 });
    console.log(`# ${group}: national demo seeded into ${dir} in ${Math.round((performance.now() - t) / 1000)} s`);
  }
  return database;
}

/**
 * A scratch PostgreSQL database for a benchmark (BENCH_PG_URL, else DATABASE_URL, else the local `test`
 * database as administrator): created empty, or reused when `keep` and it exists; migrated. `release`
 * closes it and drops it unless kept. Null when PostgreSQL cannot be reached.
 * @example const scratch = await scratchPostgres('senacs_bench_quality'); if (scratch) try { … } finally { await scratch.release(); }
 */
export async function scratchPostgres(name: string, opts: { keep?: boolean } = {}): Promise<{ database: Database$; existed: boolean; release: () => Promise<void> } | null> {
  const adminUrl = process.env.BENCH_PG_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: adminUrl });
  try { await admin.connect(); } catch (e) {
    console.log(`# PostgreSQL unreachable (${(e as Error).message}): figures on PostgreSQL skipped`);
    return null;
  }
  const existed = Boolean(opts.keep) && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!existed) {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  }
  const u = new URL(adminUrl); u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  await migrateToLatest(database.db);
  return {
    database, existed,
    release: async () => {
      await database.close();
      if (!opts.keep) await dropDatabaseWhenClosed(admin, name).catch(() => {});
      await admin.end();
    },
  };
}

/**
 * The released campaign year with the most structures in its latest release (what published figures are
 * measured on). Years without a release (the demo's open campaign) are passed over: asking their published
 * population is a `not_published` error.
 */
export async function publishedYear(database: Database$): Promise<number> {
  let best = 0;
  let year = 0;
  const released = new Set((await listReleases(database.db)).map((r) => r.year));
  for (const y of await campaignYears(database.db)) {
    if (!released.has(y)) continue;
    const n = (await getPopulation({ db: database.db, year: y, mode: 'published' })).records.length;
    if (n > best) { best = n; year = y; }
  }
  if (!year) throw new Error('no released campaign in the benchmark database');
  return year;
}
