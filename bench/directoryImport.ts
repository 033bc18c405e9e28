import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { ensureGeography } from '../src/seed/geography';
import { checkDirectoryFile, importDirectory } from '../src/app/directory/importDirectory';
import { directoryFile } from '../src/testing/directoryFile';
import { median } from './lib';

/**
 * Rows per second of a national directory import (≈ 4,100 structures × BENCH_SCALE) on a fresh embedded data
 * folder: read, check, diff and apply in one transaction with the audit; median of the first load, next
 * year's update (every name and approval changed) and the update back.
 */
export async function directoryImportRowsPerS(scale = Number(process.env.BENCH_SCALE ?? 1)): Promise<number> {
  const rows = Math.max(50, Math.round(4_100 * scale));
  const dir = mkdtempSync(join(tmpdir(), 'senacs-bench-dir-'));
  try {
    const database = await openDatabase({ dataDir: dir });
    try {
      await migrateToLatest(database.db);
      await ensureGeography(database.db);
      const files = [directoryFile({ rows }), directoryFile({ rows, variant: 1 }), directoryFile({ rows })].map((f) => new TextEncoder().encode(f.csv));
      const rates: number[] = [];
      for (const bytes of files) {
        const t = performance.now();
        const report = await importDirectory({ db: database.db, actor: null, checked: await checkDirectoryFile(bytes, 'csv') });
        if (!report.stored) throw new Error(`bench directory file refused: ${report.problems[0]?.message}`);
        rates.push(rows / ((performance.now() - t) / 1000));
      }
      return median(rates);
    } finally { await database.close(); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
