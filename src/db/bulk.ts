import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Multi-row inserts in chunks (PostgreSQL caps a statement at 65,535 parameters).
 * @example await insertInChunks(db, 'communes', rows, 2000);
 */
export async function insertInChunks<T extends keyof Database & string>(
  db: Kysely<Database>, table: T, rows: readonly object[], chunk = 1000, onProgress?: (done: number) => void,
) {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]).length || 1;
  const size = Math.max(1, Math.min(chunk, Math.floor(60_000 / cols)));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely's insert typing is per table; rows here are built to match the table's columns.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
    onProgress?.(Math.min(i + size, rows.length));
  }
}

/**
 * Refreshes the planner's statistics after a bulk load (the demo seed), so the first queries on the new
 * rows get good plans.
 * @example await analyzeTables(db);
 */
export async function analyzeTables(db: Kysely<Database>): Promise<void> {
  await sql`analyze`.execute(db);
}
