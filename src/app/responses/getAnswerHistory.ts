import type { Db } from '../../db/connection';
import { answerHistory } from '../../db/response.repo';

/**
 * The revisions of one answer (who, when, before → after), oldest first; the caller has authorized the response.
 * @example await getAnswerHistory({ db, responseId: 12, code: 'q_budget' }) // [{ id: 1, value: 1200, previous: null, author_name: 'Camille', … }]
 */
export async function getAnswerHistory(p: { db: Db; responseId: number; code: string }) {
  return answerHistory(p.db, p.responseId, p.code);
}
