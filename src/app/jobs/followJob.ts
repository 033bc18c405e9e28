import type { Db } from '../../db/connection';
import { findJob, listRequestedJobs, type RequestedJob } from '../../db/jobs.repo';
import { AppError } from '../../domain/errors';
import type { JobProgress, JobRefusal, JobState } from '../../domain/jobs';
import { scrubText } from '../../domain/privacy/scrub';
import type { Actor } from '../../domain/roles';
import { canFollowTerritory } from '../../policies/territory';
import { jobAbout, jobLabel } from './listJobQueue';

/** A job as the person who asked for it follows it. */
export interface FollowedJob {
  id: number; kind: string; label: string; state: JobState;
  /** What it is about (the year published, the data set imported), see jobAbout. */
  about: Record<string, unknown> | null;
  /** Where it is while it runs (null before it starts). */
  progress: JobProgress | null;
  /** Its result once 'done' (what the request would have answered at once), else null. */
  result: unknown;
  /** Why it failed once 'failed': the refusal (code, French message, details), or the error of its last attempt. */
  error: JobRefusal | null;
  createdAt: Date; finishedAt: Date | null;
}

/**
 * One job for the person who asked for it (or the national administration, which runs the service): its
 * state, progress and outcome. Anyone else — and a job that does not exist — gets the same 404, so a job's
 * number tells nothing of another person's work.
 * @example await followJob({ db, actor, jobId: 42 }) // { state: 'running', progress: { step: 'enregistrement', done: 500, total: 3569 }, … }
 */
export async function followJob(p: { db: Db; actor: Actor; jobId: number }): Promise<FollowedJob> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour suivre une tâche.');
  const job = await findJob(p.db, p.jobId);
  const allowed = job && (job.requested_by === p.actor.userId || canFollowTerritory(p.actor, { level: 'nation' }));
  if (!job || !allowed) throw new AppError('not_found', `Tâche ${p.jobId} introuvable.`);
  return followed(job);
}

/**
 * The jobs the actor asked for (of one kind, or all): those not over first, then the newest, at most 10 — so
 * a page left during an import finds it again and follows it.
 * @example await listMyJobs({ db, actor, kind: 'external.import' }) // [{ id: 42, state: 'running', … }]
 */
export async function listMyJobs(p: { db: Db; actor: Actor; kind?: string }): Promise<FollowedJob[]> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour suivre les tâches que vous avez demandées.');
  return (await listRequestedJobs(p.db, p.actor.userId, { kind: p.kind })).map(followed);
}

function followed(job: RequestedJob): FollowedJob {
  const failedWithout = job.state === 'failed' && !job.error
    ? { code: 'job_failed', message: `La tâche a échoué : ${scrubText(job.last_error ?? 'erreur inconnue')}` } : null;
  return {
    id: job.id, kind: job.kind, label: jobLabel(job.kind), state: job.state, about: jobAbout(job.kind, job.payload),
    progress: job.state === 'running' || job.state === 'done' ? job.progress : null,
    result: job.state === 'done' ? job.result : null,
    error: job.state === 'failed' ? (job.error ?? failedWithout) : null,
    createdAt: job.created_at, finishedAt: job.finished_at,
  };
}
