import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { statementNames } from './statementNames';

/**
 * The pool Kysely uses, its statement texts run again and again (autosave's write, a fact sheet's reads) sent as
 * named prepared statements (statementNames): each connection parses a text once, and PostgreSQL plans it once
 * it keeps a generic plan (after five runs, when no worse than planning for the values). A name is the same on
 * every connection. A plan the schema made stale (« cached plan must not change result type ») runs the text
 * unnamed from then on. Behind a pooler in transaction mode (PgBouncer before 1.21), set PG_PREPARED=off.
 * @example new PostgresDialect({ pool: namingPool(new pg.Pool({ connectionString })) })
 */
export function namingPool(pool: pg.Pool): PostgresPool {
  const names = statementNames();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    // biome-ignore lint/suspicious/noExplicitAny: the two overloads of Kysely's client (text and parameters, or a cursor) in one
    query: ((sqlOrCursor: any, params?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor);
      const values = [...(params ?? [])];
      const name = names.nameOf(sqlOrCursor, values.length);
      if (!name) return client.query(sqlOrCursor, values);
      return client.query({ name, text: sqlOrCursor, values }).catch((e: { code?: string; message?: string }) => {
        if (e.code !== '0A000' || !/cached plan/.test(e.message ?? '')) throw e;
        names.unname(sqlOrCursor);
        return client.query(sqlOrCursor, values);
      });
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return { connect: async () => wrap(await pool.connect()), end: () => pool.end() };
}
