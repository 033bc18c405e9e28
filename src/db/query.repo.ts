import type { Db } from './connection';
import type { QueryState } from '../domain/workflow';

/** A query on one answer, opened by a correspondent, with its first message, in one transaction. */
export async function insertQuery(db: Db, q: { responseId: number; code: string; openedBy: number; body: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('queries').values({ response_id: q.responseId, code: q.code, opened_by: q.openedBy })
      .returning(['id']).executeTakeFirstOrThrow();
    await tx.insertInto('query_messages').values({ query_id: row.id, author_id: q.openedBy, kind: 'question', body: q.body }).execute();
    return row.id;
  });
}

export const getQuery = (db: Db, id: number) =>
  db.selectFrom('queries').selectAll().where('id', '=', id).executeTakeFirst();

/** Adds a message and moves the query to its new state, if it is still in one of `from`. */
export async function addQueryMessage(db: Db, m: { queryId: number; authorId: number; kind: 'question' | 'answer' | 'close'; body: string; from: QueryState[]; to: QueryState }) {
  return db.transaction().execute(async (tx) => {
    const moved = await tx.updateTable('queries').set({ state: m.to, closed_at: m.to === 'closed' ? new Date() : null })
      .where('id', '=', m.queryId).where('state', 'in', m.from).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    await tx.insertInto('query_messages').values({ query_id: m.queryId, author_id: m.authorId, kind: m.kind, body: m.body }).execute();
    return true;
  });
}

/** Codes under a query not yet closed (the only answers a returned response may change). */
export async function unclosedQueryCodes(db: Db, responseId: number): Promise<string[]> {
  const rows = await db.selectFrom('queries').select('code').distinct().where('response_id', '=', responseId).where('state', '!=', 'closed').execute();
  return rows.map((r) => r.code);
}

export async function listQueries(db: Db, responseId: number) {
  const queries = await db.selectFrom('queries').leftJoin('users', 'users.id', 'queries.opened_by')
    .select(['queries.id', 'queries.code', 'queries.state', 'queries.opened_at', 'queries.closed_at', 'users.name as opened_by_name'])
    .where('queries.response_id', '=', responseId).orderBy('queries.id').execute();
  const messages = queries.length === 0 ? [] : await db.selectFrom('query_messages').innerJoin('users', 'users.id', 'query_messages.author_id')
    .select(['query_messages.query_id', 'query_messages.kind', 'query_messages.body', 'query_messages.at', 'users.name as author_name'])
    .where('query_messages.query_id', 'in', queries.map((q) => q.id)).orderBy('query_messages.id').execute();
  return queries.map((q) => ({ ...q, messages: messages.filter((m) => m.query_id === q.id) }));
}
