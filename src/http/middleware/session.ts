import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { loadActor } from '../../app/accounts/loadActor';
import type { Env } from '../context';

export const SESSION_COOKIE = 'senacs_session';

/** Puts the actor of the session cookie (or the anonymous visitor) in the context. */
export const sessionMiddleware: MiddlewareHandler<Env> = async (c, next) => {
  const { actor, csrfToken, sessionId } = await loadActor(c.get('deps').db, getCookie(c, SESSION_COOKIE));
  c.set('actor', actor);
  c.set('csrfToken', csrfToken);
  c.set('sessionId', sessionId);
  await next();
};
