import { sql } from 'kysely';
import type { Db } from '../db/connection';

/** Per table: its row count and a hash of its rows (order-independent), as the database computes them. */
export type Fingerprint = Record<string, { rows: number; hash: string }>;

/**
 * Row count and content hash of every table of the database (the migrations' bookkeeping aside), in one
 * query: the sum of a 64-bit hash of each row's text, so no sort is needed and any changed, added or
 * removed row changes it. Tables named in `except` are left out (rows that change by design, such as
 * the login counters of the rate limiter). Same-engine comparisons only: PGlite and PostgreSQL may print
 * a row differently.
 * @example const before = await databaseFingerprint(db); … expect(fingerprintChanges(before, await databaseFingerprint(db))).toEqual([]);
 */
export async function databaseFingerprint(db: Db, options: { except?: readonly string[] } = {}): Promise<Fingerprint> {
  const tables = (await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' and tablename not like 'kysely\\_%' order by 1`.execute(db)).rows.map((r) => r.name);
  const parts = tables.filter((t) => !options.except?.includes(t))
    .map((t) => sql`select ${t} as name, count(*)::int as rows, coalesce(sum(hashtextextended(x::text, 0)), 0)::text as hash from ${sql.table(t)} x`);
  const { rows } = await sql<{ name: string; rows: number; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.rows), hash: r.hash }]));
}

/**
 * What differs between two fingerprints, one line per table (empty when nothing changed).
 * @example fingerprintChanges({ users: { rows: 9, hash: 'a' } }, { users: { rows: 10, hash: 'b' } }) // ['users: 9 → 10 rows']
 */
export function fingerprintChanges(before: Fingerprint, after: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((t) => {
    const [b, a] = [before[t], after[t]];
    if (!b || !a) return [`${t}: table ${b ? 'removed' : 'added'}`];
    if (b.rows !== a.rows) return [`${t}: ${b.rows} → ${a.rows} rows`];
    return b.hash === a.hash ? [] : [`${t}: rows changed`];
  });
}

/** The next transaction id the cluster will hand out: it moves only when some transaction writes. */
async function nextTransactionId(db: Db): Promise<string> {
  return (await sql<{ xid: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`.execute(db)).rows[0].xid;
}

/**
 * Watches a database for writes between `mark()` and `changes()`. The fingerprint is computed only when
 * a transaction may have written: if the cluster's next transaction id has not moved, nothing was written
 * anywhere (a read never takes one). On PGlite that skips almost every check; on a shared PostgreSQL
 * server, other databases move it, and the fingerprints are compared every time.
 * @example const watch = writeWatcher(db); await watch.mark(); await request(); expect(await watch.changes()).toEqual([]);
 */
export function writeWatcher(db: Db, options: { except?: readonly string[] } = {}) {
  let last: { xid: string; print: Fingerprint } | undefined;
  return {
    /** Remembers the database as it is now (reusing the last fingerprint when no transaction wrote since). */
    async mark(): Promise<void> {
      const xid = await nextTransactionId(db);
      if (last?.xid !== xid) last = { xid, print: await databaseFingerprint(db, options) };
    },
    /** What changed since `mark()`, one line per table; empty when nothing did. */
    async changes(): Promise<string[]> {
      if (!last) throw new Error('writeWatcher: changes() before mark()');
      const xid = await nextTransactionId(db);
      if (xid === last.xid) return [];
      const print = await databaseFingerprint(db, options);
      const changes = fingerprintChanges(last.print, print);
      last = { xid, print };
      return changes;
    },
  };
}
