import type { Db } from '../db/connection';
import { recomputeQuality } from './recomputeQuality';

/** Autosave sends an answer every few seconds: wait for a pause before re-checking the response. */
export const qualityDebounceMs = 1500;

interface Pending { timer: ReturnType<typeof setTimeout>; run: () => Promise<void> }
/** Pending re-checks per database (a process may hold several: tests, benchmarks), then per response. */
const pending = new Map<Db, Map<number, Pending>>();
const running = new Map<Promise<void>, Db>();

/**
 * Re-checks a response's quality after the caller has answered, debounced per response: the request
 * never waits for it, and a burst of autosaves costs one check. Failures are logged, never thrown.
 * @example scheduleQualityRecompute(db, responseId); // after writing the answer
 */
export function scheduleQualityRecompute(db: Db, responseId: number, delayMs = qualityDebounceMs): void {
  const ofDb = pending.get(db) ?? new Map<number, Pending>();
  pending.set(db, ofDb);
  const previous = ofDb.get(responseId);
  if (previous) clearTimeout(previous.timer);
  const run = () => {
    ofDb.delete(responseId);
    if (ofDb.size === 0 && pending.get(db) === ofDb) pending.delete(db);
    const job = recomputeQuality(db, responseId).then(() => undefined, (error: unknown) => {
      console.error(`quality: response ${responseId} not re-checked: ${(error as Error).message}`);
    });
    running.set(job, db);
    return job.finally(() => running.delete(job));
  };
  ofDb.set(responseId, { run, timer: setTimeout(run, delayMs) });
}

/**
 * Runs the pending re-checks now and waits for all of them — of one database, or of all: before the
 * database closes (shutdown, end of a test file), so that no re-check runs on a closed database.
 * @example await flushQualityRecomputes(database.db); await database.close();
 */
export async function flushQualityRecomputes(db?: Db): Promise<void> {
  for (const [of, ofDb] of [...pending]) if (!db || of === db) for (const p of [...ofDb.values()]) { clearTimeout(p.timer); void p.run(); }
  await Promise.all([...running].filter(([, of]) => !db || of === db).map(([job]) => job));
}
