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
 * Re-checks a response's quality after the caller has answered, debounced per response: a durable job
 * of the queue (one pending per response; a new save moves it `delayMs` later), run by the job runner of
 * whichever server process is free, even after a restart. The request only waits for the row to be
 * written. Failures to queue are logged, never thrown (the answer is already saved).
 * @example await scheduleQualityRecompute(db, responseId); // after writing the answer
 */
export async function scheduleQualityRecompute(db: Db, responseId: number, delayMs = qualityDebounceMs): Promise<void> {
  try {
    await queueJob(db, { kind: QUALITY_RECHECK, payload: { responseId }, delayMs, dedupeKey: String(responseId) });
  } catch (error) {
    console.error(`quality: response ${responseId} not queued for a re-check: ${(error as Error).message}`);
  }
}

/**
 * Runs the pending re-checks of a database now, before their time (tests, the command line).
 * @example await scheduleQualityRecompute(db, 12, 60_000); await flushQualityRecomputes(db);
 */
export async function flushQualityRecomputes(db: Db): Promise<number> {
  return (await runDueJobs({ db, handlers: { [QUALITY_RECHECK]: qualityRecheckJob }, workerId: newWorkerId(), ignoreRunAt: true })).done;
}
