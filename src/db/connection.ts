import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from './dataDirLock';
import { PGliteDialect } from './pgliteDialect';
import { namingPool } from './pgPrepared';
import { withPreparedStatements } from './pglitePrepared';
import { PGliteThread } from './pgliteThread';
import type { Database } from './schema';

/** Both databases answer int8 and numeric as JS numbers: counts and euros fit in a double. */
pg.types.setTypeParser(20, Number);
pg.types.setTypeParser(1700, Number);

export type Db = Kysely<Database>;

/** An open database: the Kysely handle, which engine is behind it, and how to close it. */
export interface Database$ {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance when embedded (backup, clone). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… switches to PostgreSQL. */
  databaseUrl?: string;
  /** PGlite data folder; omitted means in memory. */
  dataDir?: string;
  /** An existing PGlite (tests clone a migrated template). */
  pglite?: PGlite;
  /**
   * PGlite in a worker thread of its own (the server: its statements then never stop the event loop). Without
   * it, PGlite runs in this thread and `Database$.pglite` is the instance (backups, tests' clones).
   */
  ownThread?: boolean;
  /** PostgreSQL: statements run again and again as named prepared statements (namingPool); false behind a pooler in transaction mode. */
  preparedStatements?: boolean;
}

/**
 * Opens the configured database.
 * @example const { db, close } = await openDatabase({ dataDir: './data' });
 */
export async function openDatabase(options: OpenOptions): Promise<Database$> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: options.preparedStatements === false ? pool : namingPool(pool) }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  // A data folder is owned by one process at a time (see dataDirLock): a second one would lose its writes.
  const lock = options.dataDir && !options.pglite ? acquireDataDirLock(options.dataDir) : undefined;
  let pglite: PGlite | PGliteThread;
  try {
    pglite = options.pglite ?? (options.ownThread ? await PGliteThread.start(options.dataDir) : await createPGlite(options.dataDir));
  } catch (e) {
    lock?.release();
    throw e;
  }
  const inThread = !(pglite instanceof PGliteThread);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite instanceof PGliteThread ? pglite : withPreparedStatements(pglite), inThread) });
  const close = async () => { try { await db.destroy(); } finally { lock?.release(); } };
  return pglite instanceof PGliteThread ? { db, kind: 'pglite', close } : { db, kind: 'pglite', pglite, close };
}

/** A PGlite instance with the same type parsers as the pg driver. */
export async function createPGlite(dataDir?: string, loadDataDir?: Blob | File): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
}

/** Cheap liveness probe used by the health route. */
export async function ping(db: Db): Promise<boolean> {
  await sql`select 1`.execute(db);
  return true;
}

/**
 * Drops a PostgreSQL database once the connections of a closed pool have really gone: `pool.end()`
 * resolves before its connections finish closing, and a forced drop meanwhile would terminate them
 * mid-goodbye (an unhandled 57P01 in the process that owned them). Waits five seconds at most.
 * @example await database.close(); await dropDatabaseWhenClosed(admin, 'senacs_t_1a2b');
 */
export async function dropDatabaseWhenClosed(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0].n === 0) break;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
}
