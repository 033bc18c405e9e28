/**
 * Long requests (an import, a publication) sent as jobs: the server answers 202 at once with the job to
 * follow, and the page shows its progress instead of a request that seems to hang.
 */
import { errorStatus } from '../../domain/errors';
import type { ApiResponse } from '../../http/apiTypes';
import { api, ApiError, type Query, type Reply } from './api';

/** A job as its author follows it (GET /api/jobs/:id): state, progress, then result or refusal. */
export type FollowedJob = ApiResponse<'get', `/jobs/${number}`>;

export interface JobOptions {
  query?: Query;
  /** Stops following (the job itself goes on on the server): the promise rejects with the AbortError. */
  signal?: AbortSignal;
  /** Told the job each time it is read, while it waits, runs, and once it is over. */
  onProgress?: (job: FollowedJob) => void;
  /** Between two reads of the job; 500 ms unless a test says otherwise. */
  pollMs?: number;
}

/** Network failures in a row tolerated while following (a Wi-Fi that drops for a second), then it gives up. */
const NETWORK_RETRIES = 3;

/**
 * POSTs with `Prefer: respond-async` and, when the server answers 202, follows the job until it is over:
 * resolves with its result, which is what the request would have answered at once, or throws the ApiError
 * the request would have thrown (same status, code, message and details), so error displays keep working.
 * A server that answers at once (no job) gets its body returned as is. The body may be JSON or a FormData.
 * @example const report = await postAsJob('/external/import', form, { query: { dataset, year }, onProgress: setJob });
 */
export async function postAsJob<T = never, P extends string = string>(path: P, body: unknown, opts: JobOptions = {}): Promise<Reply<T, 'post', P>> {
  const { status, data } = await api.postWithStatus(path, body, { query: opts.query, signal: opts.signal, headers: { Prefer: 'respond-async' } });
  if (status !== 202) return data as Reply<T, 'post', P>;
  const { job } = data as { job: { id: number } };
  return (await follow(job.id, opts)) as Reply<T, 'post', P>;
}

/**
 * The newest job of `kind` the signed-in person asked for that is not over yet (and that `about` accepts), or
 * undefined: a page left during an import or a publication finds it again on its return.
 * @example const running = await findMyRunningJob('release.publish', (a) => a?.year === 2024);
 */
export async function findMyRunningJob(kind: string, about: (about: FollowedJob['about']) => boolean = () => true, signal?: AbortSignal): Promise<FollowedJob | undefined> {
  return (await myRunningJobs(signal, kind)).find((j) => about(j.about));
}

/**
 * Follows job `id` until it is over, like postAsJob after its 202: its result, or the ApiError of its refusal.
 * @example const report = await followJob(42, { onProgress: setJob });
 */
export function followJob<T>(id: number, opts: JobOptions = {}): Promise<T> {
  return follow(id, opts) as Promise<T>;
}

async function follow(id: number, opts: JobOptions): Promise<unknown> {
  const pollMs = opts.pollMs ?? 500;
  let failures = 0;
  for (;;) {
    let job: FollowedJob;
    try {
      job = await api.get(`/jobs/${id}`, undefined, opts.signal);
      failures = 0;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'network')) throw e;
      failures += 1;
      if (failures > NETWORK_RETRIES) {
        throw new ApiError(0, 'network', 'Le serveur est injoignable : le suivi de l’opération est interrompu. Elle continue peut-être sur le serveur ; vérifiez votre connexion puis rechargez la page pour voir son résultat.');
      }
      await pause(pollMs * 2 ** failures, opts.signal);
      continue;
    }
    opts.onProgress?.(job);
    if (job.state === 'done') return job.result;
    if (job.state === 'failed') throw refusalOf(job);
    await pause(pollMs, opts.signal);
  }
}

/** A failed job's refusal as the ApiError the request would have thrown (e.g. 400 with the file's report). */
function refusalOf(job: FollowedJob): ApiError {
  const error = job.error ?? { code: 'internal', message: 'L’opération a échoué sur le serveur.' };
  const status = (errorStatus as Record<string, number>)[error.code] ?? 500;
  return new ApiError(status, error.code, error.message, error.details);
}

/** Waits `ms`, or rejects at once with the AbortError when the signal aborts, like fetch does. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => signal?.reason instanceof DOMException ? signal.reason : new DOMException('Le suivi a été interrompu.', 'AbortError');
    if (signal?.aborted) { reject(aborted()); return; }
    const onAbort = () => { clearTimeout(timer); reject(aborted()); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The page that asks for and follows each kind of job a person can start. */
const jobPages: Record<string, string> = { 'external.import': '/donnees-externes', 'release.publish': '/publication' };

/**
 * Where to follow a job of one's own, or undefined for a kind no page follows (then no link is offered).
 * @example jobPage({ kind: 'release.publish' }) // '/publication'
 */
export function jobPage(job: Pick<FollowedJob, 'kind'>): string | undefined {
  return jobPages[job.kind];
}

/**
 * The jobs the signed-in person asked for that are not over yet (of one `kind` when given), newest first: the
 * notice every page shows, and a page looking for its own job.
 * @example const running = await myRunningJobs(signal); // [{ id: 42, kind: 'external.import', state: 'running', … }]
 */
export async function myRunningJobs(signal?: AbortSignal, kind?: string): Promise<FollowedJob[]> {
  const { items } = await api.get('/jobs/mine', kind ? { kind } : undefined, signal);
  return items.filter((j) => j.state === 'pending' || j.state === 'running');
}

/**
 * A running job in a sentence: its label and what it is about.
 * @example runningJobText({ label: 'Import d’un jeu de données externe', about: { dataset: 'elisfa', year: 2024 }, … }) // 'Import d’un jeu de données externe (elisfa, 2024) en cours'
 */
export function runningJobText(job: Pick<FollowedJob, 'label' | 'about' | 'state'>): string {
  const about = [job.about?.dataset, job.about?.year].filter((x) => typeof x === 'string' || typeof x === 'number');
  return `${job.label}${about.length ? ` (${about.join(', ')})` : ''} ${job.state === 'pending' ? 'en attente' : 'en cours'}`;
}
