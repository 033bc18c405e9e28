import { sql } from 'kysely';
import type { Db } from './connection';

/** Tables in dependency order: restoring in this order satisfies every foreign key. */
export const BACKUP_TABLES = [
  'regions', 'departements', 'epcis', 'communes', 'structures', 'approvals', 'users', 'memberships', 'sessions',
  'questionnaires', 'campaigns', 'local_questions', 'responses', 'answers', 'answer_revisions', 'answer_comments', 'invitations', 'password_resets', 'outbox',
  'queries', 'query_messages', 'quality_findings', 'peer_groups', 'consent_requests', 'consent_ledger', 'audit_events', 'partners', 'partner_sharing',
  'action_sheets',
  'external_datasets', 'external_rows', 'external_imports',
  'releases', 'release_records',
  'structure_corrections',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Tables left out on purpose: login counters (short-lived, keyed on hashed addresses) are no data to restore;
 * the job queue holds work of the running instance (a restored instance re-checks its quality with `senacs quality`);
 * a release's stored files (open data, plaquettes: tens of MB of bytes per release) are made again from the
 * release's records on their first request after a restore (the open-data directory then as of the restore).
 */
export const UNSAVED_TABLES: readonly string[] = ['login_limits', 'jobs', 'release_files'];

/** Streams a table's rows in primary-key-stable pages, as JSON-ready objects. */
export async function* readTable(db: Db, table: BackupTable, pageSize = 20_000): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += pageSize) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2 offset ${offset} limit ${pageSize}`.execute(db);
    if (rows.rows.length === 0) return;
    yield rows.rows;
    if (rows.rows.length < pageSize) return;
  }
}

/** Columns stored as jsonb, which must be sent back as JSON text; read from the catalog so new tables need no edit. */
async function jsonColumns(db: Db, table: BackupTable): Promise<string[]> {
  const r = await sql<{ column_name: string }>`select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and data_type in ('json', 'jsonb')`.execute(db);
  return r.rows.map((x) => x.column_name);
}

export async function insertRows(db: Db, table: BackupTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const jsonCols = await jsonColumns(db, table);
  const prepared = rows.map((r) => {
    const o: Record<string, unknown> = { ...r };
    for (const c of jsonCols) if (c in o) o[c] = JSON.stringify(o[c]);
    return o;
  });
  const cols = Object.keys(prepared[0]).length;
  const size = Math.max(1, Math.floor(60_000 / cols));
  for (let i = 0; i < prepared.length; i += size) {
    await db.insertInto(table).values(prepared.slice(i, i + size) as never).execute();
  }
}

/** Empties every table (restore over an existing database). TRUNCATE fires no row trigger. */
export async function truncateAll(db: Db) {
  await sql`truncate ${sql.join(BACKUP_TABLES.map((t) => sql.table(t)))} restart identity cascade`.execute(db);
}

/** After a restore, serial sequences continue after the highest id (every table with a serial id). */
export async function resetSequences(db: Db) {
  const r = await sql<{ table_name: string }>`select table_name from information_schema.columns
    where table_schema = current_schema() and column_name = 'id' and column_default like 'nextval%'`.execute(db);
  for (const { table_name: t } of r.rows) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(db);
  }
}

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await sql<{ n: number }>`select (select count(*) from structures) + (select count(*) from users) as n`.execute(db);
  return Number(r.rows[0].n) === 0;
}

/** Tables of the schema that the backup does not list (a new table must be added to BACKUP_TABLES). */
export async function unlistedTables(db: Db): Promise<string[]> {
  const r = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db);
  return r.rows.map((x) => x.table_name).filter((t) => !(BACKUP_TABLES as readonly string[]).includes(t) && !UNSAVED_TABLES.includes(t)).sort();
}
