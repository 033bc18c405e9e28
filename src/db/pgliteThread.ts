import { Worker } from 'node:worker_threads';

/** What the Kysely dialect needs of an embedded database: statements, and closing it. PGlite itself has it too. */
export interface EmbeddedDatabase {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
  readonly closed: boolean;
}

type Reply = { id: number; rows: unknown[]; affectedRows?: number } | { id: number; error: { message: string } & Record<string, unknown> };

/**
 * PGlite in a worker thread of its own (pgliteWorker.mjs), for the server: PGlite runs each statement
 * synchronously, so in the server's thread a population load or an import's inserts would stop every other
 * request. Statements cross as messages (rows, dates and bytes are copied by structured clone); a database
 * error comes back as an Error with its fields (`code`: the SQLSTATE). Statements may be sent before the last one
 * answered: the thread runs them one at a time in the order they came, on the one connection PGlite has (the
 * dialect's PipelinedDriver keeps a transaction's statements together).
 * @example const db = await PGliteThread.start('./data'); await db.query('select 1'); await db.close();
 */
export class PGliteThread implements EmbeddedDatabase {
  private next = 1;
  private readonly pending = new Map<number, { ok: (r: { rows: unknown[]; affectedRows?: number }) => void; ko: (e: Error) => void }>();
  private ended = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if ('error' in m) p.ko(Object.assign(new Error(m.error.message), m.error));
      else p.ok(m);
    });
    const stop = (why: string) => {
      this.ended = true;
      for (const p of this.pending.values()) p.ko(new Error(why));
      this.pending.clear();
    };
    worker.on('error', (e) => stop(`La base embarquée s’est arrêtée : ${e.message}`));
    worker.on('exit', () => stop('La base embarquée est fermée.'));
  }

  /** Opens the data folder (in memory when omitted) in a new thread; resolves once it answers. */
  static start(dataDir?: string): Promise<PGliteThread> {
    const worker = new Worker(new URL('./pgliteWorker.mjs', import.meta.url), { workerData: { dataDir } });
    return new Promise((ok, ko) => {
      const failed = (e: Error) => { void worker.terminate(); ko(e); };
      worker.once('error', failed);
      worker.once('message', (m: { ready?: true; failed?: string }) => {
        worker.off('error', failed);
        if (m.ready) ok(new PGliteThread(worker));
        else failed(new Error(m.failed ?? 'La base embarquée n’a pas démarré.'));
      });
    });
  }

  get closed(): boolean { return this.ended; }

  query<R>(sql: string, params: unknown[] = []): Promise<{ rows: R[]; affectedRows?: number }> {
    if (this.ended) return Promise.reject(new Error('La base embarquée est fermée.'));
    const id = this.next++;
    return new Promise((ok, ko) => {
      this.pending.set(id, { ok: ok as (r: { rows: unknown[]; affectedRows?: number }) => void, ko });
      this.worker.postMessage({ id, sql, params });
    });
  }

  /** Closes the database (its files written) and ends the thread. */
  async close(): Promise<void> {
    if (this.ended) return;
    const id = this.next++;
    await new Promise<void>((ok) => {
      this.pending.set(id, { ok: () => ok(), ko: () => ok() });
      this.worker.postMessage({ id, close: true });
    });
    this.ended = true;
    await this.worker.terminate();
  }
}
