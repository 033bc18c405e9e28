import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { login, SESSION_DAYS } from '../../../app/login';
import { deleteSession } from '../../../db/session.repo';
import { appendAudit } from '../../../db/audit.repo';
import { AppError } from '../../../domain/errors';
import { RateLimiter } from '../../../domain/rateLimiter';
import type { Env } from '../../context';
import type { RouteDoc } from '../../openapi';
import { readBody } from '../../input';
import { SESSION_COOKIE } from '../../middleware/session';
import { loginSchema, meSchema } from './schema';

export const authDocs: RouteDoc[] = [
  { method: 'post', path: '/api/auth/login', summary: 'Se connecter', tag: 'auth', body: loginSchema, response: meSchema },
  { method: 'post', path: '/api/auth/logout', summary: 'Se déconnecter', tag: 'auth', auth: 'session' },
  { method: 'get', path: '/api/me', summary: 'Qui suis-je ? (rôles et périmètres)', tag: 'auth', response: meSchema },
];

/** Login attempts: 10 per address and 50 per client in 15 minutes. */
export function authRoutes() {
  const perEmail = new RateLimiter(10, 15 * 60_000);
  const perClient = new RateLimiter(50, 15 * 60_000);
  const app = new Hono<Env>();

  app.post('/auth/login', async (c) => {
    const body = await readBody(c, loginSchema);
    const now = Date.now();
    const client = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || 'local';
    const email = body.email.toLowerCase();
    if (perEmail.blocked(email, now) || perClient.blocked(client, now)) {
      throw new AppError('rate_limited', 'Trop de tentatives de connexion. Réessayez dans quelques minutes.');
    }
    try {
      const { deps } = c.var;
      const s = await login({ db: deps.db, email, password: body.password });
      perEmail.reset(email);
      setCookie(c, SESSION_COOKIE, s.token, {
        httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.secureCookies, maxAge: SESSION_DAYS * 86400,
      });
      return c.json({ ok: true, csrfToken: s.csrfToken });
    } catch (e) {
      if (e instanceof AppError && e.code === 'invalid_credentials') { perEmail.hit(email, now); perClient.hit(client, now); }
      throw e;
    }
  });

  app.post('/auth/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) {
      await deleteSession(c.var.deps.db, sessionId);
      await appendAudit(c.var.deps.db, { actorId: c.var.actor.userId, action: 'logout', entity: 'user', entityId: c.var.actor.userId ?? 0 });
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.get('/me', (c) => {
    const a = c.var.actor;
    return c.json({
      user: a.userId ? { id: a.userId, email: a.email, name: a.name } : null,
      memberships: a.memberships,
      ...(c.var.csrfToken ? { csrfToken: c.var.csrfToken } : {}),
    });
  });
  return app;
}
