import type { Database$ } from '../src/db/connection';
import { listDepartements, listRegions } from '../src/db/territory.repo';
import { nationalTable } from '../src/app/stats/getDashboard';
import { getPopulation } from '../src/app/stats/populationCache';
import { dashboardTable } from '../src/reports/table/figures';
import { toXlsx } from '../src/reports/table/xlsx';
import { medianMs, round, type Figures } from './lib';

/**
 * `export_xlsx_s`: the national dashboard table (France, régions and every département × the ~40 key
 * indicators × their statistics, as published by the gate) written as one XLSX, from the warm published
 * population (the table itself is memoised, as for the API). One of bench/publish.bench.ts's MEASURES.
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
