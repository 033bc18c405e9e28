import type { Db } from '../../db/connection';
import { newWorkerId, queueJob, runDueJobs, type JobHandler } from '../infra/jobRunner';
import { recomputeQuality } from './recomputeQuality';

/** Autosave sends an answer every few seconds: wait for a pause before re-checking the response. */
export const qualityDebounceMs = 1500;

/** The kind of the queued job that re-checks one response. */
export const QUALITY_RECHECK = 'quality.recheck';

/** The job: re-checks the response of its payload (nothing for a response gone meanwhile). */
export const qualityRecheckJob: JobHandler = (db, payload) => recomputeQuality(db, Number(payload.responseId));

/**
 * When this process last queued each response's re-check, as a lower bound of the time it is due
 * (the clock read before the row was written). Autosave sends a save per answer typed: a save that
 * finds its response's re-check still due at least half the debounce ahead leaves the row alone — the
 * job cannot have run (a job runs when due), and it will read this save's answer when it does.
 */
const queuedUntil = new WeakMap<Db, Map<number, number>>();

/**
 * Re-checks a response's quality after the caller has answered, debounced per response: a durable job
 * of the queue (one pending per response; a new save moves it `delayMs` later, or leaves it when it is
 * still due `delayMs / 2` ahead), run by the job runner of whichever server process is free, even after
 * a restart. The request only waits for the row to be written. Failures to queue are logged, never
 * thrown (the answer is already saved).
 * @example await scheduleQualityRecompute(db, responseId); // after writing the answer
 */
export async function scheduleQualityRecompute(db: Db, responseId: number, delayMs = qualityDebounceMs): Promise<void> {
  let queued = queuedUntil.get(db);
  if (!queued) queuedUntil.set(db, (queued = new Map()));
  const before = Date.now();
  const due = queued.get(responseId);
  if (due !== undefined && due >= before + delayMs / 2 && due <= before + delayMs) return;
  try {
    await queueJob(db, { kind: QUALITY_RECHECK, payload: { responseId }, delayMs, dedupeKey: String(responseId) });
    if (queued.size > 10_000) queued.clear();
    queued.set(responseId, before + delayMs);
  } catch (error) {
    queued.delete(responseId);
    console.error(`quality: response ${responseId} not queued for a re-check: ${(error as Error).message}`);
  }
}

/**
 * Runs the pending re-checks of a database now, before their time (tests, the command line).
 * @example await scheduleQualityRecompute(db, 12, 60_000); await flushQualityRecomputes(db);
 */
export async function flushQualityRecomputes(db: Db): Promise<number> {
  // Jobs run before their time: what this process remembers of their due times no longer holds.
  queuedUntil.delete(db);
  return (await runDueJobs({ db, handlers: { [QUALITY_RECHECK]: qualityRecheckJob }, workerId: newWorkerId(), ignoreRunAt: true })).done;
}
