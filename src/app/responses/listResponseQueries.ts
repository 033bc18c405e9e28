import type { Db } from '../../db/connection';
import { listQueries } from '../../db/query.repo';

/**
 * The correspondents' queries on a response, with their messages; the caller has authorized the response.
 * @example await listResponseQueries({ db, responseId: 12 }) // [{ id: 1, code: 'q_budget', state: 'open', messages: […], … }]
 */
export async function listResponseQueries(p: { db: Db; responseId: number }) {
  return listQueries(p.db, p.responseId);
}
