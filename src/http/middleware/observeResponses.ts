import type { MiddlewareHandler } from 'hono';
import type { Env } from '../context';

/** One answered request as the contract check sees it: the route that answered (its pattern, `/api/structures/:id`) and the response (its body only when JSON). */
export interface AnsweredRequest {
  method: string;
  /** The pattern of the route whose handler answered; undefined when no route did (404 catch-all). */
  route: string | undefined;
  response: Response;
}

/**
 * Hands a copy of every API response to `observe`, with the route pattern that produced it. The tests use it
 * to check each response against the route's declared schema (src/testing/contract.ts); production never sets it.
 * @example api.use('*', observeResponses((r) => seen.push(r)))
 */
export function observeResponses(observe: (answered: AnsweredRequest) => void): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    // The route that answered is the last one the chain reached (routeIndex), not the last that matched:
    // /questionnaires/diff answers before /questionnaires/:year, which matches too. Middleware and the catch-all use ALL.
    const reached = c.req.matchedRoutes[c.req.routeIndex];
    const handler = reached && reached.method !== 'ALL' ? reached : undefined;
    // Only a JSON body is copied: a copy of a stream (an event stream, a file) would keep its source open until both are read.
    const json = /^application\/json/i.test(c.res.headers.get('content-type') ?? '');
    const response = json ? c.res.clone() : new Response(null, { status: c.res.status, headers: c.res.headers });
    observe({ method: c.req.method, route: handler?.path, response });
  };
}
