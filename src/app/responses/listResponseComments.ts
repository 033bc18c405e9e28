import type { Db } from '../../db/connection';
import { listComments } from '../../db/response.repo';

/**
 * The comments on a response's answers, oldest first; the caller has authorized the response.
 * @example await listResponseComments({ db, responseId: 12 }) // [{ id: 1, code: 'q_budget', kind: 'justification', body: '…', author_name: 'Camille', … }]
 */
export async function listResponseComments(p: { db: Db; responseId: number }) {
  return listComments(p.db, p.responseId);
}
