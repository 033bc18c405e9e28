// The embedded database in a thread of its own (pgliteThread.ts): PGlite runs every statement synchronously, so in
// the server's thread it would stop every request while it works. The server runs TypeScript through tsx, which a
// worker thread does not inherit: it registers tsx itself, then opens the data folder as connection.ts does.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createPGlite } = await import('./connection.ts');
const { preparedQuery } = await import('./pglitePrepared.ts');

/** The fields of a database error that the code reads (SQLSTATE `code` first), copied across the thread. */
const ERROR_FIELDS = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position'];

let pglite;
try {
  pglite = await createPGlite(workerData.dataDir);
} catch (e) {
  parentPort.postMessage({ failed: e instanceof Error ? e.message : String(e) });
}
if (pglite) {
  // Statements run one after another in the order they came (what the dialect relies on), whichever of PGlite's
  // own locks each takes (a named prepared statement does not queue where `query` does).
  let last = Promise.resolve();
  parentPort.on('message', (m) => { last = last.then(() => handle(m)).catch(() => undefined); });
  const handle = async (m) => {
    if (m.close) {
      await pglite.close().catch(() => undefined);
      parentPort.postMessage({ id: m.id, rows: [] });
      parentPort.close();
      return;
    }
    try {
      const r = await preparedQuery(pglite, m.sql, m.params);
      parentPort.postMessage({ id: m.id, rows: r.rows, affectedRows: r.affectedRows });
    } catch (e) {
      const error = { message: e instanceof Error ? e.message : String(e) };
      for (const f of ERROR_FIELDS) if (e && e[f] !== undefined) error[f] = e[f];
      parentPort.postMessage({ id: m.id, error });
    }
  };
  parentPort.postMessage({ ready: true });
}
