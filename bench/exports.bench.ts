import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database$ } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { countStructures } from '../src/db/structure.repo';
import { campaignYears } from '../src/db/aggregation.repo';
import { listDepartements, listRegions } from '../src/db/territory.repo';
import { nationalTable } from '../src/app/getDashboard';
import { getPopulation } from '../src/app/populationCache';
import { dashboardTable } from '../src/reports/table/figures';
import { toXlsx } from '../src/reports/table/xlsx';
import { medianMs, round, type Figures } from './lib';

/**
 * `export_xlsx_s`: the national dashboard table (France, régions and every département × the ~40 key
 * indicators × their statistics, as published by the gate) written as one XLSX, from the warm published
 * population (the table itself is memoised, as for the API). Meant to join bench/publish.bench.ts's
 * MEASURES list; `run()` lets it run alone meanwhile.
 */
export async function exportXlsx({ database, year }: { database: Database$; year: number }): Promise<Figures> {
  const { db } = database;
  const children = [
    ...(await listRegions(db)).map((r) => ({ level: 'region' as const, code: r.code, name: r.name })),
    ...(await listDepartements(db)).map((d) => ({ level: 'departement' as const, code: d.code, name: d.name })),
  ];
  const pop = await getPopulation({ db, year, mode: 'published' });
  const build = async () => {
    const figures = nationalTable(pop).map((f) => ({ ...f, change: null }));
    const table = dashboardTable({ year, view: 'published', territory: { level: 'nation', code: 'FR', name: 'France' }, children, figures });
    return { rows: table.rows.length, bytes: (await toXlsx([table])).length };
  };
  const first = await build();
  const ms = await medianMs(5, build);
  return {
    export_xlsx_s: { value: round(ms / 1000, 2), unit: 's' },
    export_xlsx_rows: { value: first.rows, unit: 'lignes' },
    export_xlsx_kb: { value: Math.round(first.bytes / 1024), unit: 'Kio' },
  };
}

export async function run(): Promise<Figures> {
  const dir = process.env.BENCH_EXPORTS_DIR ?? join(tmpdir(), 'senacs-bench-exports-s1');
  mkdirSync(dir, { recursive: true });
  const fresh = !existsSync(join(dir, 'PG_VERSION'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(database.db);
    if (fresh || (await countStructures(database.db)) === 0) await seedDemo(database.db, { scale: Number(process.env.BENCH_EXPORTS_SCALE ?? 1) });
    let year = 0;
    let best = 0;
    for (const y of await campaignYears(database.db)) {
      const n = (await getPopulation({ db: database.db, year: y, mode: 'published' })).records.length;
      if (n > best) { best = n; year = y; }
    }
    return await exportXlsx({ database, year });
  } finally { await database.close(); }
}

// `npx tsx bench/exports.bench.ts` prints the figures (bench/run.ts knows only the issue groups).
if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await run();
  for (const [name, f] of Object.entries(figures)) console.log(`bench: ${name} = ${f.value} ${f.unit}`);
  process.exit(0);
}
