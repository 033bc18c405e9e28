import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** Statements a named prepared statement can hold (never `begin`, `set`, DDL…). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** A statement text is named on its `AFTER`-th run; at most `MAX` names per process (the rest run as they are). */
const AFTER = 2;
const MAX = 500;

/**
 * The pool Kysely uses, its statement texts run again and again (autosave's write, a fact sheet's reads) sent as
 * named prepared statements: each connection parses a text once, and PostgreSQL plans it once it keeps a generic
 * plan (after five runs, when no worse than planning for the values). A name is a hash of the text, the same on
 * every connection. A plan the schema made stale (« cached plan must not change result type ») runs the text
 * unnamed from then on. Behind a pooler in transaction mode (PgBouncer before 1.21), set PG_PREPARED=off.
 * @example new PostgresDialect({ pool: namingPool(new pg.Pool({ connectionString })) })
 */
export function namingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  const plain = new Set<string>();
  const nameOf = (text: string, params: ReadonlyArray<unknown>): string | undefined => {
    if (params.length === 0 || plain.has(text) || !PREPARABLE.test(text)) return undefined;
    const known = names.get(text);
    if (known || names.size >= MAX) return known;
    const n = (seen.get(text) ?? 0) + 1;
    if (seen.size > 5 * MAX) seen.clear();
    seen.set(text, n);
    if (n < AFTER) return undefined;
    const name = `senacs_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
    seen.delete(text);
    return name;
  };
  const wrap = (client: pg.PoolClient): PostgresPoolClient => ({
    // biome-ignore lint/suspicious/noExplicitAny: the two overloads of Kysely's client (text and parameters, or a cursor) in one
    query: ((sqlOrCursor: any, params?: ReadonlyArray<unknown>) => {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor);
      const values = [...(params ?? [])];
      const name = nameOf(sqlOrCursor, values);
      if (!name) return client.query(sqlOrCursor, values);
      return client.query({ name, text: sqlOrCursor, values }).catch((e: { code?: string; message?: string }) => {
        if (e.code !== '0A000' || !/cached plan/.test(e.message ?? '')) throw e;
        plain.add(sqlOrCursor);
        names.delete(sqlOrCursor);
        return client.query(sqlOrCursor, values);
      });
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return { connect: async () => wrap(await pool.connect()), end: () => pool.end() };
}
