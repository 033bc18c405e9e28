import type { Db } from '../../db/connection';
import { jobCounts, listJobs } from '../../db/jobs.repo';
import { AppError } from '../../domain/errors';
import type { QueueState } from '../../domain/jobs';
import { scrubText } from '../../domain/privacy/scrub';
import type { Actor } from '../../domain/roles';
import { canFollowTerritory } from '../../policies/territory';
import { QUALITY_RECHECK } from '../quality/scheduleQualityRecompute';
import { RELEASE_FILES } from '../publication/storeReleaseFiles';
import { RELEASE_PUBLISH } from '../publication/publishRelease';
import { EXTERNAL_IMPORT } from '../external/requestExternalImport';

/** At most this many jobs in one listing; the counts by state say how many there are in all. */
export const JOB_LIST_MAX = 500;

/**
 * What the operator is told of each kind queued by `src/app` (see serverJobHandlers): a French label, and
 * the only payload field it may see. A kind not described here shows its raw name and no payload.
 */
const kinds: Record<string, { label: string; responseId?: (payload: Record<string, unknown>) => number | null; about?: (payload: Record<string, unknown>) => Record<string, unknown> }> = {
  [QUALITY_RECHECK]: {
    label: 'Recalcul de la qualité d’une réponse',
    responseId: (payload) => (Number.isInteger(payload.responseId) ? (payload.responseId as number) : null),
  },
  [RELEASE_FILES]: { label: 'Fichiers d’une version publiée (données ouvertes, plaquettes)' },
  [RELEASE_PUBLISH]: { label: 'Publication d’une version des chiffres', about: (p) => ({ year: p.year }) },
  [EXTERNAL_IMPORT]: { label: 'Import d’un jeu de données externe', about: (p) => ({ dataset: p.dataset, year: p.year }) },
};

/**
 * What a job asked for by a person is about, as its author's page reads it (the year published, the data
 * set imported), never the rest of its payload; null for a kind that says nothing.
 * @example jobAbout('release.publish', { year: 2024, note: '…' }) // { year: 2024 }
 */
export function jobAbout(kind: string, payload: unknown): Record<string, unknown> | null {
  const about = kinds[kind]?.about;
  return about && payload && typeof payload === 'object' ? about(payload as Record<string, unknown>) : null;
}

/**
 * The French label of a job kind.
 * @example jobLabel('release.publish') // 'Publication d’une version des chiffres'
 */
export function jobLabel(kind: string): string {
  return kinds[kind]?.label ?? `Tâche « ${kind} »`;
}

/** One job of the queue as the administration sees it. */
export interface AdminJob {
  id: number; kind: string; label: string; state: QueueState; attempts: number; max_attempts: number;
  run_at: Date; created_at: Date; last_error: string | null; locked_by: string | null;
  /** The response a quality re-check is about, else null. */
  responseId: number | null;
}

/**
 * The job queue for the national administration, who runs the service: counts by state, then at most
 * `limit` jobs (given-up ones first, then running, then pending by due time; `state` keeps one state).
 * Who: the actor must follow the whole nation (canFollowTerritory with `{ level: 'nation' }`, the policy
 * that already opens the nation's outbox and cockpit: only the national administration).
 *
 * No payload leaves as it is: a payload is free JSON written by whoever queues the job, and a kind may
 * carry e-mail addresses or names (a mail, an invitation), while this list is read on a screen, copied into
 * tickets and screenshots. So each known kind hands over only what an operator needs to act — for a
 * quality re-check, the response id (to open the response) — and an unknown kind nothing; the last
 * error is kept (it is what the operator needs) with any e-mail address or token masked (scrubText).
 * The full payload stays readable by whoever has the server (`senacs jobs`).
 * @example await listJobQueue({ db, actor: national, state: 'failed', limit: 100 }) // { counts: { pending: 2, running: 0, failed: 1 }, items: [{ kind: 'quality.recheck', label: 'Recalcul…', responseId: 12, … }] }
 */
export async function listJobQueue(p: { db: Db; actor: Actor; state?: QueueState; limit?: number }): Promise<{ counts: Record<QueueState, number>; items: AdminJob[]; limit: number }> {
  assertNationalOperator(p.actor, 'voir la file des tâches');
  const limit = Math.min(Math.max(1, p.limit ?? 100), JOB_LIST_MAX);
  const [counts, rows] = await Promise.all([jobCounts(p.db), listJobs(p.db, { state: p.state, limit })]);
  const items = rows.map((j): AdminJob => {
    const kind = kinds[j.kind];
    const payload = j.payload && typeof j.payload === 'object' ? (j.payload as Record<string, unknown>) : {};
    return {
      id: j.id, kind: j.kind, label: jobLabel(j.kind), state: j.state, attempts: j.attempts, max_attempts: j.max_attempts,
      run_at: j.run_at, created_at: j.created_at, last_error: j.last_error === null ? null : scrubText(j.last_error), locked_by: j.locked_by,
      responseId: kind?.responseId?.(payload) ?? null,
    };
  });
  return { counts, items, limit };
}

/**
 * Throws unless the actor is signed in (401) and follows the whole nation (403): the national administration.
 * @example assertNationalOperator(actor, 'relancer une tâche');
 */
export function assertNationalOperator(actor: Actor, what: string): void {
  if (!actor.userId) throw new AppError('unauthenticated', `Connectez-vous pour ${what}.`);
  if (!canFollowTerritory(actor, { level: 'nation' })) throw new AppError('forbidden', `Seule l’administration nationale, qui exploite le service, peut ${what}.`);
}
