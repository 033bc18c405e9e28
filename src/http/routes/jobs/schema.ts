import { z } from 'zod';
import { jobStates, queueStates } from '../../../domain/jobs';

/** `?state=failed&limit=100`: one state or all; at most 500 jobs (a limit, not pages: the counts give the totals). */
export const jobsQuery = z.object({
  state: z.enum(queueStates, 'État attendu : pending, running ou failed.').optional(),
  limit: z.coerce.number().int('Nombre de tâches attendu : un entier de 1 à 500.').min(1, 'Nombre de tâches attendu : un entier de 1 à 500.').max(500, 'Nombre de tâches attendu : un entier de 1 à 500.').default(100),
}).strict();

const counts = z.object({ pending: z.number(), running: z.number(), failed: z.number() });

/** The queue for the national administration: counts by state and the jobs listed, never their payload (see listJobQueue). */
export const jobsResponse = z.object({
  counts,
  /** The most jobs listed; `counts` says how many there are in all. */
  limit: z.number(),
  items: z.array(z.object({
    id: z.number(), kind: z.string(), label: z.string(), state: z.enum(queueStates),
    attempts: z.number(), maxAttempts: z.number(), runAt: z.string(), createdAt: z.string(),
    lastError: z.string().nullable(), lockedBy: z.string().nullable(),
    responseId: z.number().nullable(),
  })),
});

/** A failed job put back in the queue. */
export const retriedJob = z.object({ id: z.number(), state: z.enum(queueStates) });

/** A job accepted for its author to follow (202 of a request sent with `Prefer: respond-async`). */
export const acceptedJobResponse = z.object({ job: z.object({ id: z.number(), url: z.string() }) });

/** A job as its author follows it (see followJob): its result is what the request would have answered at once. */
export const followedJobResponse = z.object({
  id: z.number(), kind: z.string(), label: z.string(), state: z.enum(jobStates), about: z.record(z.string(), z.unknown()).nullable(),
  progress: z.object({ step: z.string(), done: z.number(), total: z.number() }).nullable(),
  result: z.unknown(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
  createdAt: z.string(), finishedAt: z.string().nullable(),
});

/** `?kind=external.import`: one kind of job, or all. */
export const myJobsQuery = z.object({
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/, 'Type de tâche invalide (ex. external.import).').optional(),
}).strict();

/** The jobs the signed-in person asked for: those not over first, then the newest (at most 10). */
export const myJobsResponse = z.object({ items: z.array(followedJobResponse) });
