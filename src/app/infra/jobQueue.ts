import type { Db } from '../../db/connection';
import { jobCounts, listJobs, requeueFailedJob, type JobRow } from '../../db/jobs.repo';
import { AppError } from '../../domain/errors';
import type { QueueState } from '../../domain/jobs';

/**
 * The job queue's depth, as /api/health and `senacs jobs` show it: jobs waiting, running, given up.
 * One grouped count over the work to do (done jobs are deleted, or kept apart for the person who asked).
 * @example await queueDepth(db) // { pending: 2, running: 0, failed: 1 }
 */
export function queueDepth(db: Db): Promise<Record<QueueState, number>> {
  return jobCounts(db);
}

/**
 * The queue's jobs for the national administration: given-up ones first, with their last error.
 * @example (await listQueuedJobs(db, { state: 'failed' })).map((j) => j.last_error)
 */
export function listQueuedJobs(db: Db, o: { state?: QueueState; limit?: number } = {}): Promise<JobRow[]> {
  return listJobs(db, o);
}

/**
 * A job given up goes back to the queue, due now, its attempts counted from zero.
 * @example await retryFailedJob(db, 42)
 */
export async function retryFailedJob(db: Db, id: number): Promise<void> {
  if (!(await requeueFailedJob(db, id))) throw new AppError('conflict', `La tâche ${id} n’existe pas ou n’est pas abandonnée : seule une tâche abandonnée peut être relancée.`);
}
