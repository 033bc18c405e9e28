import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { Env } from '../context';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every write needs, when the request comes from a browser with a session, the session's CSRF token in
 * the X-CSRF-Token header; and whatever the session, an Origin (when sent) equal to our own host.
 */
export const csrfMiddleware: MiddlewareHandler<Env> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    let host: string | undefined;
    try { host = new URL(origin).host; } catch { host = undefined; }
    if (host !== c.req.header('host')) throw new AppError('csrf_failed', 'Requête refusée : origine non autorisée.');
  } else if (origin === 'null') {
    throw new AppError('csrf_failed', 'Requête refusée : origine non autorisée.');
  }
  const expected = c.get('csrfToken');
  if (expected) {
    const given = c.req.header(CSRF_HEADER) ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new AppError('csrf_failed', 'Requête refusée : jeton anti-CSRF absent ou invalide. Rechargez la page.');
    }
  }
  return next();
};
