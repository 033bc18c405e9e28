import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { EmbeddedDatabase } from './pgliteThread';

/**
 * Kysely dialect over an embedded PGlite instance, in this thread or in its own (PGliteThread).
 * PGlite has a single connection: a transaction holds it until commit or rollback.
 */
export class PGliteDialect implements Dialect {
  /** `inThread`: PGlite runs here, so the event loop is let through between statements (see OneUserDriver). */
  constructor(private readonly pglite: EmbeddedDatabase, private readonly inThread = true) {}
  createAdapter() { return new PostgresAdapter(); }
  createDriver(): Driver { return this.inThread ? new OneUserDriver(this.pglite) : new PipelinedDriver(this.pglite); }
  createIntrospector(db: Kysely<unknown>) { return new PostgresIntrospector(db); }
  createQueryCompiler() { return new PostgresQueryCompiler(); }
}

/** One statement on the database, answered as Kysely wants it. */
async function run<R>(pglite: EmbeddedDatabase, compiled: CompiledQuery): Promise<QueryResult<R>> {
  const result = await pglite.query<R>(compiled.sql, compiled.parameters as unknown[]);
  const affected = result.affectedRows;
  return {
    rows: result.rows,
    ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
  };
}

// biome-ignore lint/correctness/useYield: Kysely's driver interface asks for a generator; PGlite has none to give
async function* noStreaming<R>(): AsyncIterableIterator<QueryResult<R>> {
  throw new Error('streaming is not supported on PGlite');
}

/** PGlite in this thread: one user of its connection at a time (a statement or a whole transaction). */
class OneUserDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: InThreadConnection;
  constructor(private readonly pglite: EmbeddedDatabase) {
    this.connection = new InThreadConnection(pglite);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    this.connection.release = release;
    return this.connection;
  }
  async beginTransaction(conn: DatabaseConnection) { await conn.executeQuery(CompiledQuery.raw('begin')); }
  async commitTransaction(conn: DatabaseConnection) { await conn.executeQuery(CompiledQuery.raw('commit')); }
  async rollbackTransaction(conn: DatabaseConnection) { await conn.executeQuery(CompiledQuery.raw('rollback')); }
  async releaseConnection(conn: DatabaseConnection) { (conn as InThreadConnection).release(); }
  async destroy() { if (!this.pglite.closed) await this.pglite.close(); }
}

class InThreadConnection implements DatabaseConnection {
  release: () => void = () => {};
  constructor(private readonly pglite: EmbeddedDatabase) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // PGlite in this thread runs each statement synchronously. Between statements, let the event loop serve
    // what arrived (a health probe, another request's first steps): without this, a chain of statements
    // resolved one after another in microtasks — a transaction of many inserts — starves every socket.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return run<R>(this.pglite, compiled);
  }
  streamQuery = noStreaming;
}

/**
 * PGlite in its own thread (PGliteThread): statements outside a transaction are sent at once, so the database
 * thread always has the next one queued (it runs them in the order they arrive) instead of idling while this
 * thread reads the last answer; a transaction has the connection to itself from `begin` to its end, one after
 * another, and other statements wait for it (those sent before its `begin` run before it).
 */
class PipelinedDriver implements Driver {
  /** Transactions one after another: each waits for the one before to end. */
  private transactions: Promise<void> = Promise.resolve();
  /** The connection in a transaction, and what the others wait on until it ends. */
  holder: PipelinedConnection | null = null;
  holderDone: Promise<void> = Promise.resolve();
  constructor(private readonly pglite: EmbeddedDatabase) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> { return new PipelinedConnection(this.pglite, this); }
  async beginTransaction(conn: DatabaseConnection) {
    const c = conn as PipelinedConnection;
    let end!: () => void;
    const previous = this.transactions;
    this.transactions = new Promise<void>((resolve) => { end = resolve; });
    await previous;
    // Set in the same turn as `begin` is sent (executeQuery sends at once when the connection holds the transaction).
    this.holder = c;
    // Given back once only: a failed commit is followed by a rollback, which must not free a later transaction's turn.
    let given = false;
    this.holderDone = new Promise<void>((resolve) => { c.endTurn = () => { if (given) return; given = true; this.holder = null; resolve(); end(); }; });
    // A `begin` that fails ends nothing else: the turn is given back here.
    try { await c.executeQuery(CompiledQuery.raw('begin')); } catch (e) { c.endTurn(); throw e; }
  }
  async commitTransaction(conn: DatabaseConnection) { await this.endTransaction(conn as PipelinedConnection, 'commit'); }
  async rollbackTransaction(conn: DatabaseConnection) { await this.endTransaction(conn as PipelinedConnection, 'rollback'); }
  private async endTransaction(c: PipelinedConnection, how: 'commit' | 'rollback') {
    try { await c.executeQuery(CompiledQuery.raw(how)); } finally { c.endTurn(); }
  }
  async releaseConnection() {}
  async destroy() { if (!this.pglite.closed) await this.pglite.close(); }
}

class PipelinedConnection implements DatabaseConnection {
  endTurn: () => void = () => {};
  constructor(private readonly pglite: EmbeddedDatabase, private readonly driver: PipelinedDriver) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Checked, then sent in the same turn (PGliteThread.query posts at once): nothing slips inside another's transaction.
    while (this.driver.holder !== null && this.driver.holder !== this) await this.driver.holderDone;
    return run<R>(this.pglite, compiled);
  }
  streamQuery = noStreaming;
}
