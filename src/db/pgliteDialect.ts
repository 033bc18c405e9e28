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
 * PGlite has a single connection, so connections are handed out one at a time
 * (a transaction holds it until commit or rollback).
 */
export class PGliteDialect implements Dialect {
  /** `inThread`: PGlite runs here, so the event loop is let through between statements (see executeQuery). */
  constructor(private readonly pglite: EmbeddedDatabase, private readonly inThread = true) {}
  createAdapter() { return new PostgresAdapter(); }
  createDriver(): Driver { return new PGliteDriver(this.pglite, this.inThread); }
  createIntrospector(db: Kysely<unknown>) { return new PostgresIntrospector(db); }
  createQueryCompiler() { return new PostgresQueryCompiler(); }
}

/**
 * In this thread: one user of the connection at a time (a statement or a whole transaction), as PGlite has one.
 * In its own thread (PGliteThread): statements outside a transaction are sent at once, so the database thread
 * always has the next one queued (it runs them in the order they arrive) instead of idling while this thread
 * reads the last answer; a transaction still has the connection to itself from `begin` to its end, and other
 * statements wait for it (those sent before its `begin` run before it).
 */
class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;
  /** Thread mode: the connection in a transaction, and what others wait on until it ends. */
  private holder: PGliteConnection | null = null;
  private holderDone: Promise<void> = Promise.resolve();
  constructor(private readonly pglite: EmbeddedDatabase, private readonly inThread: boolean) {
    this.connection = new PGliteConnection(pglite, inThread, this);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.inThread) return new PGliteConnection(this.pglite, false, this);
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => { release = resolve; });
    await previous;
    this.connection.release = release;
    return this.connection;
  }
  /**
   * Thread mode: waits until no other connection holds a transaction. The caller sends its statement in the same
   * turn as the last check (no await in between), so nothing slips inside another's transaction.
   */
  async waitTurn(conn: PGliteConnection): Promise<void> {
    while (this.holder && this.holder !== conn) await this.holderDone;
  }
  /** Thread mode: whether `conn` must wait for another's transaction. */
  mustWait(conn: PGliteConnection): boolean { return this.holder !== null && this.holder !== conn; }
  async beginTransaction(conn: DatabaseConnection) {
    if (!this.inThread) {
      const c = conn as PGliteConnection;
      // Transactions one after another: each waits for the one before to end.
      let end!: () => void;
      const previous = this.queue;
      this.queue = new Promise<void>((resolve) => { end = resolve; });
      await previous;
      await this.waitTurn(c);
      // Set in the same turn as `begin` is sent (executeQuery sends at once when the connection holds the transaction).
      this.holder = c;
      // Given back once only: a failed commit is followed by a rollback, which must not free a later transaction's turn.
      let given = false;
      this.holderDone = new Promise<void>((resolve) => { c.release = () => { if (given) return; given = true; this.holder = null; resolve(); end(); }; });
      // A `begin` that fails ends nothing else: Kysely will not commit or roll back, so the turn is given back here.
      try { await conn.executeQuery(CompiledQuery.raw('begin')); } catch (e) { c.release(); throw e; }
      return;
    }
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(conn: DatabaseConnection) { await this.endTransaction(conn, 'commit'); }
  async rollbackTransaction(conn: DatabaseConnection) { await this.endTransaction(conn, 'rollback'); }
  private async endTransaction(conn: DatabaseConnection, how: 'commit' | 'rollback') {
    try { await conn.executeQuery(CompiledQuery.raw(how)); } finally { if (!this.inThread) (conn as PGliteConnection).release(); }
  }
  async releaseConnection(conn: DatabaseConnection) { if (this.inThread) (conn as PGliteConnection).release(); }
  async destroy() { if (!this.pglite.closed) await this.pglite.close(); }
}

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};
  constructor(private readonly pglite: EmbeddedDatabase, private readonly inThread: boolean, private readonly driver: PGliteDriver) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Checked, then sent in the same turn (PGliteThread.query posts at once).
    if (!this.inThread) while (this.driver.mustWait(this)) await this.driver.waitTurn(this);
    // PGlite in this thread runs each statement synchronously. Between statements, let the event loop serve
    // what arrived (a health probe, another request's first steps): without this, a chain of statements
    // resolved one after another in microtasks — a transaction of many inserts — starves every socket.
    if (this.inThread) await new Promise<void>((resolve) => setImmediate(resolve));
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // biome-ignore lint/correctness/useYield: Kysely's driver interface asks for a generator; PGlite has none to give
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}
