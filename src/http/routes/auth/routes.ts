import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { login, SESSION_DAYS } from '../../../app/accounts/login';
import { logout } from '../../../app/accounts/logout';
import type { LoginLimiter } from '../../../app/infra/loginLimiter';
import type { PasswordResetLimiter } from '../../../app/infra/passwordResetLimiter';
import type { Env } from '../../context';
import type { RouteDoc } from '../../openapi';
import { readBody } from '../../input';
import { clientAddressOf, socketAddress, trustedProxyList } from '../../clientAddress';
import { SESSION_COOKIE } from '../../middleware/session';
import { loginResponse, loginSchema, meSchema, okResponse } from './schema';
import { passwordResetDocs, passwordResetRoutes } from './passwordReset';

export const authDocs = [
  { method: 'post', path: '/api/auth/login', summary: 'Se connecter', tag: 'auth', body: loginSchema, response: loginResponse },
  { method: 'post', path: '/api/auth/logout', summary: 'Se déconnecter', tag: 'auth', auth: 'session', response: okResponse },
  { method: 'get', path: '/api/me', summary: 'Qui suis-je ? (rôles et périmètres)', tag: 'auth', response: meSchema },
  ...passwordResetDocs,
] as const satisfies readonly RouteDoc[];

/**
 * Sessions (/auth/login, /auth/logout, /me) and the forgotten password (passwordReset.ts).
 * Login attempts go through the login limiter (see LoginLimiter: per address, per account and address,
 * and a slow-down of strangers on an account), counted before the password is checked.
 * @example api.route('/', authRoutes(loginLimiter, resetLimiter, deps.trustedProxies));
 */
export function authRoutes(limiter: LoginLimiter, resetLimiter: PasswordResetLimiter, trustedProxies: readonly string[] = []) {
  const trusted = trustedProxyList(trustedProxies);
  const app = new Hono<Env>();

  app.post('/auth/login', async (c) => {
    const body = await readBody(c, loginSchema);
    const email = body.email.toLowerCase();
    const attempt = await limiter.begin(email, clientAddressOf(socketAddress(c), c.req.header('x-forwarded-for'), trusted));
    const { deps } = c.var;
    const s = await login({ db: deps.db, email, password: body.password });
    await limiter.succeeded(attempt);
    setCookie(c, SESSION_COOKIE, s.token, {
      httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.secureCookies, maxAge: SESSION_DAYS * 86400,
    });
    return c.json({ ok: true, csrfToken: s.csrfToken });
  });

  app.post('/auth/logout', async (c) => {
    const sessionId = c.get('sessionId');
    if (sessionId) await logout({ db: c.var.deps.db, actor: c.var.actor, sessionId });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.deps.secureCookies });
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
  app.route('/', passwordResetRoutes(resetLimiter));
  return app;
}
