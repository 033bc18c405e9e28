import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import type { Db } from '../../db/connection';
import { BACKUP_TABLES, insertRows, isEmpty, readTable, resetSequences, truncateAll, unlistedTables, type BackupTable } from '../../db/backup.repo';
import { forgetGeography } from '../../db/territory.repo';
import { forgetCampaignYears } from '../../db/aggregation.repo';
import { forgetLatestReleases } from '../../db/release.repo';
import { forgetDirectoryPages } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';

const FORMAT = 'senacs-backup/1';

/**
 * Writes every table as gzipped JSON lines (a header, then `{t, r}` per row). The format is the same
 * for PGlite and PostgreSQL, so a backup of one restores into the other.
 * @example await backupDatabase(db, 'senacs.backup.gz');
 */
export async function backupDatabase(db: Db, file: string, onProgress?: (table: string, rows: number) => void) {
  const missing = await unlistedTables(db);
  if (missing.length) throw new Error(`Tables absentes de la sauvegarde : ${missing.join(', ')} (à ajouter dans BACKUP_TABLES).`);
  const gz = createGzip();
  const out = createWriteStream(file);
  gz.pipe(out);
  const write = async (line: string) => { if (!gz.write(`${line}\n`)) await once(gz, 'drain'); };
  await write(JSON.stringify({ format: FORMAT, tables: BACKUP_TABLES, at: new Date().toISOString() }));
  const counts: Record<string, number> = {};
  for (const t of BACKUP_TABLES) {
    counts[t] = 0;
    for await (const rows of readTable(db, t)) {
      for (const r of rows) await write(JSON.stringify({ t, r }));
      counts[t] += rows.length;
      onProgress?.(t, counts[t]);
    }
  }
  gz.end();
  await once(out, 'finish');
  return counts;
}

/**
 * Restores a backup into a migrated database, in one transaction: either everything or nothing.
 * Refuses a non-empty database unless `replace` is set.
 */
export async function restoreDatabase(db: Db, file: string, opts: { replace?: boolean; onProgress?: (table: string, rows: number) => void } = {}) {
  let header: { format?: string } | undefined;
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (tx) => {
    if (!(await isEmpty(tx))) {
      if (!opts.replace) throw new AppError('conflict', 'La base n’est pas vide : utilisez --replace pour la remplacer par la sauvegarde.');
      await truncateAll(tx);
    }
    let table: BackupTable | undefined;
    let buffer: Record<string, unknown>[] = [];
    const flush = async () => {
      if (table && buffer.length) { await insertRows(tx, table, buffer); counts[table] = (counts[table] ?? 0) + buffer.length; opts.onProgress?.(table, counts[table]); }
      buffer = [];
    };
    try {
      // Opened here, after the awaits above: readline starts reading at once, and lines emitted before the
      // loop asks for them are lost (the header went missing when truncating took long on PostgreSQL).
      const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        const obj = JSON.parse(line) as { format?: string; t?: BackupTable; r?: Record<string, unknown> };
        if (!header) {
          header = obj;
          if (obj.format !== FORMAT) throw new AppError('bad_request', 'Ce fichier n’est pas une sauvegarde Senacs.');
          continue;
        }
        if (!obj.t || !BACKUP_TABLES.includes(obj.t) || !obj.r) throw new AppError('bad_request', 'Sauvegarde corrompue : ligne illisible.');
        if (obj.t !== table || buffer.length >= 5000) { await flush(); table = obj.t; }
        buffer.push(obj.r);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('bad_request', 'Sauvegarde illisible (fichier tronqué ou qui n’est pas une sauvegarde gzip Senacs).');
    }
    await flush();
    if (!header) throw new AppError('bad_request', 'Sauvegarde vide.');
    await resetSequences(tx);
  });
  forgetGeography(db);
  forgetCampaignYears();
  forgetLatestReleases();
  forgetDirectoryPages();
  return counts;
}
