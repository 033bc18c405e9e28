import type { FollowedJob } from '../../app/jobs/followJob';
import type { AdminJob } from '../../app/jobs/listJobQueue';
import { RELEASE_PUBLISH } from '../../app/publication/publishRelease';
import { presentPublication } from './release';

/**
 * A job of the queue as the national administration lists it: never its payload, its dates (ISO), its last error masked.
 * @example presentQueuedJob(job) // { id: 42, kind: 'quality.recheck', state: 'failed', maxAttempts: 5, runAt: '2025-03-01T…', lastError: '…', responseId: 12, … }
 */
export function presentQueuedJob(j: AdminJob) {
  return {
    id: j.id, kind: j.kind, label: j.label, state: j.state, attempts: j.attempts, maxAttempts: j.max_attempts,
    runAt: j.run_at.toISOString(), createdAt: j.created_at.toISOString(), lastError: j.last_error, lockedBy: j.locked_by, responseId: j.responseId,
  };
}

/**
 * A job as its author follows it; its result in the shape the request answers at once.
 * @example presentFollowedJob(job) // { id: 42, kind: 'release.publish', state: 'done', result: { release: { year: 2024, … }, summary: … }, createdAt: '2025-03-01T…', … }
 */
export function presentFollowedJob(j: FollowedJob) {
  const result = j.result !== null && j.kind === RELEASE_PUBLISH ? presentPublication(j.result as Parameters<typeof presentPublication>[0]) : j.result;
  return {
    id: j.id, kind: j.kind, label: j.label, state: j.state, about: j.about, progress: j.progress, result, error: j.error,
    createdAt: j.createdAt.toISOString(), finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}
