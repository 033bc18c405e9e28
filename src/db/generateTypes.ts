/**
 * `npm run db:types`: migrates a scratch database and writes the types of its tables into
 * src/db/generated.ts (see typegen.ts). On PostgreSQL when DATABASE_URL is set (a scratch database is
 * created beside it and dropped), otherwise on an in-memory PGlite; both give the same file.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import pg from 'pg';
import { createPGlite, dropDatabaseWhenClosed, openDatabase, type Database$ } from './connection';
import { migrateToLatest } from './migrate';
import { databaseTypes, GENERATED_TYPES_FILE } from './typegen';

/** Runs `use` on a freshly migrated scratch database, then removes it. */
async function withScratchDatabase<T>(databaseUrl: string | undefined, use: (database: Database$) => Promise<T>): Promise<T> {
  if (!databaseUrl) {
    const database = await openDatabase({ pglite: await createPGlite() });
    try { await migrateToLatest(database.db); return await use(database); } finally { await database.close(); }
  }
  const name = `senacs_types_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    try { await migrateToLatest(database.db); return await use(database); } finally { await database.close(); await dropDatabaseWhenClosed(admin, name); }
  } finally { await admin.end(); }
}

const file = resolve(import.meta.dirname, '../..', GENERATED_TYPES_FILE);
const text = await withScratchDatabase(process.env.DATABASE_URL, (database) => databaseTypes(database.db));
const before = await readFile(file, 'utf8').catch(() => '');
await writeFile(file, text);
const tables = text.match(/^export interface /gm)?.length ?? 0;
console.log(`${GENERATED_TYPES_FILE}: ${tables - 1} tables, ${before === text ? 'inchangé' : 'réécrit'}`);
