import type { MiddlewareHandler } from 'hono';
import type { Env } from '../context';

/**
 * One line per API request: method, the route's pattern (never the path itself, which may hold an invitation
 * token), status and duration. No query string, body, cookie or address.
 */
export const requestLog: MiddlewareHandler<Env> = async (c, next) => {
  const started = performance.now();
  await next();
  const route = c.req.matchedRoutes.filter((r) => r.method !== 'ALL').at(-1)?.path ?? '(aucune route)';
  c.get('deps')?.logger.info({ method: c.req.method, route, status: c.res.status, ms: Math.round(performance.now() - started) }, 'requête');
};
