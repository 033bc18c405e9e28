import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPGlite, openDatabase, type Database$ } from '../db/connection';
import { flushQualityRecomputes } from '../app/scheduleQualityRecompute';

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
    return { ...database, close: async () => { await flushQualityRecomputes(database.db); await database.close(); } };
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
      await flushQualityRecomputes(database.db);
      await database.close();
      const a = new pg.Client({ connectionString: tpl.url });
      await a.connect();
      try {
        // The pool's end resolves before its connections have closed: forcing the drop while they close
        // would terminate them mid-goodbye (an unhandled 57P01 in the test run). Wait for them first.
        for (let i = 0; i < 250; i++) {
          const { rows } = await a.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((ok) => setTimeout(ok, 20));
        }
        await a.query(`drop database if exists ${name} with (force)`);
      } finally { await a.end(); }
    },
  };
}
