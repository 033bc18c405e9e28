import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import type { EmbeddedDatabase } from './pgliteThread';
import { statementNames } from './statementNames';

type Rows<R> = { rows: R[]; affectedRows?: number };

/** For one PGlite session: which texts are named, and the parameter types of those prepared. */
interface Session {
  names: ReturnType<typeof statementNames>;
  prepared: Map<string, number[]>;
}

const sessions = new WeakMap<PGlite, Session>();
const noSync = { syncToFs: false };

/**
 * Runs a statement on PGlite as its `query` does, but a text run again and again (autosave's write, a fact
 * sheet's reads) becomes a named prepared statement of PGlite's one session (statementNames): parsed once, and
 * planned once PostgreSQL keeps a generic plan (after five runs, when it is no worse than planning for the
 * values). PGlite's own `query` parses and plans on every call — in WebAssembly, planning autosave's write costs
 * more than running it. Same rows, same errors (`code`: the SQLSTATE); a plan the schema made stale is dropped and
 * the text run again. Statements without parameters run through `query` unchanged.
 * @example const r = await preparedQuery(pglite, 'select * from answers where response_id = $1', [12]);
 */
export async function preparedQuery<R>(pglite: PGlite, text: string, params: unknown[] = []): Promise<Rows<R>> {
  let s = sessions.get(pglite);
  if (!s) sessions.set(pglite, (s = { names: statementNames(), prepared: new Map() }));
  const name = s.names.nameOf(text, params.length);
  if (!name) return pglite.query<R>(text, params);
  const types = s.prepared.get(name) ?? (await prepare(pglite, s, name, text));
  return types ? runNamed<R>(pglite, s, text, name, types, params) : pglite.query<R>(text, params);
}

/** Parses `text` as a named statement and reads its parameter types; undefined when it cannot be (the caller runs it as it is). */
async function prepare(pglite: PGlite, s: Session, name: string, text: string) {
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
    s.prepared.set(name, types);
    return types;
  } catch (e) {
    // In an aborted transaction every statement fails: the text is not to blame, it may be prepared next time.
    if ((e as { code?: string }).code !== '25P02') s.names.unname(text);
    return undefined;
  }
}

async function runNamed<R>(pglite: PGlite, s: Session, text: string, name: string, types: number[], params: unknown[]): Promise<Rows<R>> {
  const serializers = pglite.serializers;
  const values = params.map((p, i) => {
    if (p === null || p === undefined) return null;
    const serialize = serializers[types[i]];
    return serialize ? serialize(p) : String(p);
  });
  try {
    return await pglite.runExclusive(async () => {
      const messages = [];
      try {
        for (const m of [protocol.serialize.bind({ statement: name, values }), protocol.serialize.describe({ type: 'P' }), protocol.serialize.execute({})]) {
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
    if ((e as { code?: string; message?: string }).code !== '0A000' || !/cached plan/.test((e as Error).message)) throw e;
    s.names.unname(text);
    s.prepared.delete(name);
    await pglite.runExclusive(async () => {
      await pglite.execProtocol(protocol.serialize.close({ type: 'S', name }), noSync).catch(() => undefined);
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
