import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import type { EmbeddedDatabase } from './pgliteThread';

type Rows<R> = { rows: R[]; affectedRows?: number };

/** Which statement texts are named, and how often the others were seen, for one PGlite session. */
interface Session {
  named: Map<string, { name: string; types: number[] }>;
  seen: Map<string, number>;
  /** Texts that cannot be prepared (a parse error other than an aborted transaction): always run as they are. */
  plain: Set<string>;
  next: number;
}

const sessions = new WeakMap<PGlite, Session>();

/** Statements a named prepared statement can hold (never `begin`, `set`, DDL…). */
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** A statement text is named on its `AFTER`-th run; at most `MAX` per session (the rest run as they are). */
const AFTER = 2;
const MAX = 500;

/**
 * Runs a statement on PGlite as its `query` does, but a text run again and again (autosave's write, a fact
 * sheet's reads) becomes a named prepared statement of PGlite's one session: parsed once, and planned once
 * PostgreSQL keeps a generic plan (after five runs, when it is no worse than planning for the values). PGlite's
 * own `query` parses and plans on every call — in WebAssembly, planning autosave's write costs more than running
 * it. Same rows, same errors (`code`: the SQLSTATE); a plan the schema made stale is dropped and the text run
 * again. Statements without parameters run through `query` unchanged.
 * @example const r = await preparedQuery(pglite, 'select * from answers where response_id = $1', [12]);
 */
export async function preparedQuery<R>(pglite: PGlite, text: string, params: unknown[] = []): Promise<Rows<R>> {
  if (params.length === 0 || !PREPARABLE.test(text)) return pglite.query<R>(text, params);
  let s = sessions.get(pglite);
  if (!s) sessions.set(pglite, (s = { named: new Map(), seen: new Map(), plain: new Set(), next: 1 }));
  const known = s.named.get(text);
  if (known) return runNamed<R>(pglite, s, text, known, params);
  if (s.plain.has(text) || s.named.size >= MAX) return pglite.query<R>(text, params);
  const seen = (s.seen.get(text) ?? 0) + 1;
  if (s.seen.size > 5 * MAX) s.seen.clear();
  s.seen.set(text, seen);
  if (seen < AFTER) return pglite.query<R>(text, params);
  const named = await prepare(pglite, s, text);
  return named ? runNamed<R>(pglite, s, text, named, params) : pglite.query<R>(text, params);
}

const noSync = { syncToFs: false };

/** Parses `text` as a named statement and reads its parameter types; undefined when it cannot be (the caller runs it as it is). */
async function prepare(pglite: PGlite, s: Session, text: string) {
  const name = `senacs_${s.next++}`;
  try {
    const types = await pglite.runExclusive(async () => {
      try {
        await pglite.execProtocol(protocol.serialize.parse({ name, text }), noSync);
        const described = await pglite.execProtocol(protocol.serialize.describe({ type: 'S', name }), noSync);
        return parse.parseDescribeStatementResults(described.messages);
      } finally {
        await pglite.execProtocol(protocol.serialize.sync(), noSync);
      }
    });
    const named = { name, types };
    s.named.set(text, named);
    s.seen.delete(text);
    return named;
  } catch (e) {
    // In an aborted transaction every statement fails: the text is not to blame, it may be named later.
    if ((e as { code?: string }).code !== '25P02') s.plain.add(text);
    return undefined;
  }
}

async function runNamed<R>(pglite: PGlite, s: Session, text: string, named: { name: string; types: number[] }, params: unknown[]): Promise<Rows<R>> {
  const serializers = pglite.serializers;
  const values = params.map((p, i) => {
    if (p === null || p === undefined) return null;
    const serialize = serializers[named.types[i]];
    return serialize ? serialize(p) : String(p);
  });
  try {
    return await pglite.runExclusive(async () => {
      const messages = [];
      try {
        for (const m of [protocol.serialize.bind({ statement: named.name, values }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute({})]) {
          messages.push(...(await pglite.execProtocol(m, noSync)).messages);
        }
      } finally {
        messages.push(...(await pglite.execProtocol(protocol.serialize.sync(), noSync)).messages);
      }
      await pglite.syncToFs();
      return parse.parseResults(messages, pglite.parsers)[0] as unknown as Rows<R>;
    });
  } catch (e) {
    // The schema changed under the kept plan (« cached plan must not change result type »): forget it, run the text.
    if ((e as { code?: string }).code !== '0A000') throw e;
    s.named.delete(text);
    s.plain.add(text);
    await pglite.runExclusive(async () => {
      await pglite.execProtocol(protocol.serialize.close({ type: 'S', name: named.name }), noSync).catch(() => undefined);
      await pglite.execProtocol(protocol.serialize.sync(), noSync);
    });
    return pglite.query<R>(text, params);
  }
}

/**
 * PGlite as the dialect uses it, its statements through preparedQuery.
 * @example new PGliteDialect(withPreparedStatements(await createPGlite()))
 */
export function withPreparedStatements(pglite: PGlite): EmbeddedDatabase {
  return {
    query: <R>(text: string, params?: unknown[]) => preparedQuery<R>(pglite, text, params),
    close: () => pglite.close(),
    get closed() { return pglite.closed; },
  };
}
