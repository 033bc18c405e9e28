import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPGlite, dropDatabaseWhenClosed, openDatabase, type Database$ } from '../db/connection';

/**
 * A private copy of the test template (schema, geography, small demo campaign, demo accounts) on the
 * database under test: PGlite by default, PostgreSQL when DATABASE_URL is set.
 * @example const database = await openTestDatabase(); afterAll(() => database.close());
 */
export async function openTestDatabase(): Promise<Database$> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const data = await readFile(tpl.file);
    const pglite = await createPGlite(undefined, new Blob([data]));
    const database = await openDatabase({ pglite });
    return database;
  }
  const name = `senacs_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tpl.url });
  await admin.connect();
  try { await admin.query(`create database ${name} template ${tpl.template}`); } finally { await admin.end(); }
  const u = new URL(tpl.url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: tpl.url });
      await a.connect();
      try { await dropDatabaseWhenClosed(a, name); } finally { await a.end(); }
    },
  };
}
