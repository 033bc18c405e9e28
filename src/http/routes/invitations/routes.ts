import { Hono, type Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { acceptInvitation, describeInvitation } from '../../../app/invitations/acceptInvitation';
import { SESSION_DAYS } from '../../../app/accounts/login';
import { AppError } from '../../../domain/errors';
import type { LoginLimiter } from '../../../app/infra/loginLimiter';
import { clientAddressOf, socketAddress, trustedProxyList } from '../../clientAddress';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { SESSION_COOKIE } from '../../middleware/session';
import { acceptBody, invitationAccepted, invitationInfo } from './schema';

export const invitationDocs = [
  { method: 'get', path: '/api/invitations/:token', summary: 'Ce qu’offre un lien d’invitation (structure, rôle, adresse invitée), ou pourquoi il ne fonctionne plus', tag: 'invitations', response: invitationInfo },
  { method: 'post', path: '/api/invitations/:token/accept', summary: 'Accepter une invitation (une seule fois) : compte créé ou connexion, puis rattachement à la structure', tag: 'invitations', body: acceptBody, response: invitationAccepted },
] as const satisfies readonly RouteDoc[];

const readToken = (raw: string | undefined) => {
  const t = raw ?? '';
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(t)) throw new AppError('invitation_unknown', 'Ce lien d’invitation n’existe pas.');
  return t;
};

/**
 * Accepting with an existing account checks its password: the attempt goes through the login limiter,
 * counted before the check, as a login. Links themselves are 256-bit random tokens: guessing one is
 * hopeless, so lookups are not limited.
 */
export function invitationRoutes(limiter: LoginLimiter) {
  const app = new Hono<Env>();
  const client = (c: Context<Env>) => clientAddressOf(socketAddress(c), c.req.header('x-forwarded-for'), trustedProxyList(c.var.deps.trustedProxies ?? []));




  app.get('/invitations/:token', async (c) =>
    c.json(await describeInvitation({ db: c.var.deps.db, actor: c.var.actor, token: readToken(c.req.param('token')) })));

  app.post('/invitations/:token/accept', async (c) => {
    const token = readToken(c.req.param('token'));
    const body = await readBody(c, acceptBody);
    const { db } = c.var.deps;
    // The password of an existing account is checked: one login attempt on that account.
    const invited = !c.var.actor.userId && body.password ? await describeInvitation({ db, actor: c.var.actor, token }) : undefined;
    const attempt = invited?.account === 'existing' ? await limiter.begin(invited.email, client(c)) : undefined;
    const r = await acceptInvitation({ db, actor: c.var.actor, token, ...body });
    if (attempt) await limiter.succeeded(attempt);
    if (r.session) {
      setCookie(c, SESSION_COOKIE, r.session.token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: c.var.deps.secureCookies, maxAge: SESSION_DAYS * 86400 });
    }
    return c.json({ structureId: r.structureId, structureName: r.structureName, role: r.role, created: r.created, ...(r.session ? { csrfToken: r.session.csrfToken } : {}) });
  });
  return app;
}
