import type { listQueries } from '../../db/query.repo';

type Query = Awaited<ReturnType<typeof listQueries>>[number];

/**
 * One message of a query's thread: the correspondent's question, the structure's answer, or the closing word.
 * @example presentQueryMessage(m) // { queryId: 4, kind: 'question', body: 'Ce montant ?', at: …, authorName: 'Paul' }
 */
export function presentQueryMessage(m: Query['messages'][number]) {
  return { queryId: m.query_id, kind: m.kind, body: m.body, at: m.at, authorName: m.author_name };
}

/**
 * A correspondent's query on an answer, with its thread.
 * @example presentQuery(q) // { id: 4, code: 'q_budget', state: 'open', openedAt: …, closedAt: null, openedByName: 'Paul', messages: […] }
 */
export function presentQuery(q: Query) {
  return {
    id: q.id, code: q.code, state: q.state, openedAt: q.opened_at, closedAt: q.closed_at, openedByName: q.opened_by_name,
    messages: q.messages.map(presentQueryMessage),
  };
}
