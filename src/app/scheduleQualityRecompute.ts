import type { Db } from '../db/connection';
import { recomputeQuality } from './recomputeQuality';

/** Autosave sends an answer every few seconds: wait for a pause before re-checking the response. */
export const qualityDebounceMs = 1500;

interface Pending { db: Db; timer: ReturnType<typeof setTimeout>; run: () => Promise<void> }
const pending = new Map<number, Pending>();
const running = new Set<Promise<void>>();

/**
 * Re-checks a response's quality after the caller has answered, debounced per response: the request
 * never waits for it, and a burst of autosaves costs one check. Failures are logged, never thrown.
 * @example scheduleQualityRecompute(db, responseId); // after writing the answer
 */
export function scheduleQualityRecompute(db: Db, responseId: number, delayMs = qualityDebounceMs): void {
  const previous = pending.get(responseId);
  if (previous) clearTimeout(previous.timer);
  const run = () => {
    pending.delete(responseId);
    const job = recomputeQuality(db, responseId).then(() => undefined, (error: unknown) => {
      console.error(`quality: response ${responseId} not re-checked: ${(error as Error).message}`);
    });
    running.add(job);
    return job.finally(() => running.delete(job));
  };
  pending.set(responseId, { db, run, timer: setTimeout(run, delayMs) });
}

/**
 * Runs the pending re-checks now and waits for all of them (tests, shutdown).
 * @example await flushQualityRecomputes();
 */
export async function flushQualityRecomputes(): Promise<void> {
  for (const p of [...pending.values()]) { clearTimeout(p.timer); void p.run(); }
  await Promise.all([...running]);
}
