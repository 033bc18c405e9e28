import { z } from 'zod';
import { jobStates } from '../../../domain/jobs';

/** `?state=failed&limit=100`: one state or all; at most 500 jobs (a limit, not pages: the counts give the totals). */
export const jobsQuery = z.object({
  state: z.enum(jobStates, 'État attendu : pending, running ou failed.').optional(),
  limit: z.coerce.number().int('Nombre de tâches attendu : un entier de 1 à 500.').min(1, 'Nombre de tâches attendu : un entier de 1 à 500.').max(500, 'Nombre de tâches attendu : un entier de 1 à 500.').default(100),
}).strict();

const counts = z.object({ pending: z.number(), running: z.number(), failed: z.number() });

/** The queue for the national administration: counts by state and the jobs listed, never their payload (see listJobQueue). */
export const jobsResponse = z.object({
  counts,
  /** The most jobs listed; `counts` says how many there are in all. */
  limit: z.number(),
  items: z.array(z.object({
    id: z.number(), kind: z.string(), label: z.string(), state: z.enum(jobStates),
    attempts: z.number(), max_attempts: z.number(), run_at: z.string(), created_at: z.string(),
    last_error: z.string().nullable(), locked_by: z.string().nullable(),
    responseId: z.number().nullable(),
  })),
});

/** A failed job put back in the queue. */
export const retriedJob = z.object({ id: z.number(), state: z.enum(jobStates) });
