import { Hono } from 'hono';
import { answerQuery } from '../../../app/responses/queryAnswer';
import type { Env } from '../../context';
import { readBody, readId } from '../../input';
import type { RouteDoc } from '../../openapi';
import { queryMessageBody, queryStateResponse } from '../responses/review.schema';

export const queryDocs = [
  { method: 'post', path: '/api/queries/:id/reply', summary: 'Répondre à une question (structure)', tag: 'contrôle', auth: 'session', body: queryMessageBody, response: queryStateResponse },
  { method: 'post', path: '/api/queries/:id/close', summary: 'Clore une question (correspondant)', tag: 'contrôle', auth: 'session', body: queryMessageBody, response: queryStateResponse },
  { method: 'post', path: '/api/queries/:id/ask-again', summary: 'Relancer une question (correspondant)', tag: 'contrôle', auth: 'session', body: queryMessageBody, response: queryStateResponse },
] as const satisfies readonly RouteDoc[];

/**
 * A correspondent's query on an answer (opened under /responses/:id/queries): reply, close, ask again.
 * @example api.route('/', queryRoutes());
 */
export function queryRoutes() {
  const app = new Hono<Env>();
  for (const [path, action] of [['reply', 'reply'], ['close', 'close'], ['ask-again', 'ask_again']] as const) {
    app.post(`/queries/:id/${path}`, async (c) => {
      const body = await readBody(c, queryMessageBody);
      return c.json(await answerQuery({ db: c.var.deps.db, actor: c.var.actor, queryId: readId(c), body: body.body, action }));
    });
  }
  return app;
}
