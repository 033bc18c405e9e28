import type { Db } from '../../db/connection';
import { jobState, requeueFailedJob } from '../../db/jobs.repo';
import { AppError } from '../../domain/errors';
import { jobStateLabels, type JobState } from '../../domain/jobs';
import type { Actor } from '../../domain/roles';
import { assertNationalOperator } from './listJobQueue';

/**
 * The national administration puts a job given up after its attempts back in the queue (once the cause is
 * repaired): due now, attempts counted from zero; the runner of any server process then takes it. Only a
 * failed job: a pending or running one answers 409 `conflict` (with its state) and nothing changes; a job
 * that does not exist (or was done, and so deleted) answers 404.
 * @example await retryJob({ db, actor: national, jobId: 42 }) // { id: 42, state: 'pending' }
 */
export async function retryJob(p: { db: Db; actor: Actor; jobId: number }): Promise<{ id: number; state: JobState }> {
  assertNationalOperator(p.actor, 'relancer une tâche');
  if (!(await requeueFailedJob(p.db, p.jobId))) {
    const state = await jobState(p.db, p.jobId);
    if (state === undefined) throw new AppError('not_found', `Tâche ${p.jobId} introuvable : elle n’existe pas ou elle est terminée.`);
    throw new AppError('conflict', `Seule une tâche abandonnée après ses essais peut être relancée ; celle-ci est ${jobStateLabels[state]}.`, { state });
  }
  return { id: p.jobId, state: 'pending' };
}
