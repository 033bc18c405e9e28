import { CompiledQuery } from 'kysely';
import type { Db } from './connection';

/** The table of login counters (migration 013): the columns rate-limiter-flexible's PostgreSQL store expects. */
export const LOGIN_LIMITS_TABLE = 'login_limits';

/**
 * A `pg`-like client over Kysely for rate-limiter-flexible's PostgreSQL store: its few statements (an upsert
 * with RETURNING, a select, a delete) run on our connection pool, so no second pool is opened.
 * @example new RateLimiterPostgres({ storeClient: limiterStoreClient(db), storeType: 'client', tableName: LOGIN_LIMITS_TABLE, tableCreated: true, points: 10, duration: 900 })
 */
export function limiterStoreClient(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const r = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: r.rows, rowCount: r.numAffectedRows !== undefined ? Number(r.numAffectedRows) : r.rows.length };
    },
  };
}
