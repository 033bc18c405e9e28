import type { Db } from '../../db/connection';
import { externalValuesOf } from '../../db/external.repo';
import { listAnswers, previousAnswers } from '../../db/response.repo';
import { lastReopening } from '../../db/responseHistory.repo';

/**
 * What the response page needs besides the response itself (already authorized by the caller): its answers,
 * last year's answers and the external data about the structure (the browser runs prev() and ext() too),
 * and, while it is being corrected, why it came back (the last reopening).
 * @example const { answers, previous, external, reopened } = await getResponseAnswers({ db, response: r });
 */
export async function getResponseAnswers(p: { db: Db; response: { id: number; structure_id: number; year: number; state: string } }) {
  const { db, response: r } = p;
  const [answers, previous, external, reopened] = await Promise.all([listAnswers(db, r.id), previousAnswers(db, r.structure_id, r.year), externalValuesOf(db, r.year, [r.structure_id]),
    r.state === 'in_progress' || r.state === 'returned' ? lastReopening(db, r.id) : undefined]);
  return { answers, previous, external: external.get(r.structure_id) ?? {}, reopened };
}
