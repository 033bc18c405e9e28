/**
 * The durable job queue: states of a job, when a failed one is tried again, when a running one is
 * deemed abandoned. Pure.
 */

export const jobStates = ['pending', 'running', 'failed', 'done'] as const;
export type JobState = (typeof jobStates)[number];
/** The states of the queue itself (a 'done' job is only kept for the person who asked for it). */
export const queueStates = ['pending', 'running', 'failed'] as const satisfies readonly JobState[];
export type QueueState = (typeof queueStates)[number];

/** Where a running job is: its step in French and, when it counts something, how far. */
export interface JobProgress { step: string; done: number; total: number }

/** Why a job asked for by a person was refused: the API error it would have answered at once. */
export interface JobRefusal { code: string; message: string; details?: unknown }

/** French labels of the states, for the `senacs jobs` listing and the health counts. */
export const jobStateLabels: Record<JobState, string> = {
  pending: 'en attente',
  running: 'en cours',
  failed: 'abandonnée après plusieurs échecs',
  done: 'terminée',
};

/** A job asked for by a person keeps its outcome this long for them to read it; then it goes. */
export const DONE_JOB_KEPT_MS = 7 * 24 * 3_600_000;

/** Attempts before a job is given up, unless the job says otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** A job left 'running' this long belongs to a process that died (kill -9, power cut): another may take it. */
export const STALE_RUNNING_MS = 5 * 60_000;

/**
 * When to try again after the `attempts`-th failed attempt: 10 s, then doubling up to one hour, with up
 * to 10 % of jitter; `null` once `maxAttempts` are spent (the job is 'failed').
 * @example jobRetryDelayMs(1, 5, () => 0) // 10_000
 * @example jobRetryDelayMs(3, 5, () => 0) // 40_000
 * @example jobRetryDelayMs(5, 5) // null
 */
export function jobRetryDelayMs(attempts: number, maxAttempts = DEFAULT_MAX_ATTEMPTS, random: () => number = Math.random): number | null {
  if (attempts >= maxAttempts) return null;
  const base = Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (1 + 0.1 * random()));
}

/**
 * A job's error as it is kept: its message on one line, at most 500 characters.
 * @example describeJobError(new Error('réponse\nintrouvable')) // 'réponse introuvable'
 */
export function describeJobError(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500) || 'erreur inconnue';
}
