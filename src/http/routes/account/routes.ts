import { Hono, type Context } from 'hono';
import { changePassword } from '../../../app/accounts/changePassword';
import type { LoginLimiter } from '../../../app/infra/loginLimiter';
import { updateAccount } from '../../../app/accounts/updateAccount';
import { endOtherSessions } from '../../../app/accounts/endOtherSessions';
import { getAccount } from '../../../app/accounts/getAccount';
import { exportPersonalData, personalDataAsCsv } from '../../../app/privacy/exportPersonalData';
import { AppError } from '../../../domain/errors';
import { clientAddressOf, socketAddress, trustedProxyList } from '../../clientAddress';
import type { Env } from '../../context';
import { readBody, readQuery } from '../../input';
import { CSV, type RouteDoc } from '../../openapi';
import { okResponse } from '../auth/schema';
import { accountBody, accountResponse, accountUpdateResponse, endOthersResponse, passwordBody, personalDataQuery, personalDataResponse } from './schema';

export const accountDocs = [
  { method: 'get', path: '/api/account', summary: 'Mon compte : nom, adresse e-mail, sessions ouvertes', tag: 'auth', auth: 'session', response: accountResponse },
  { method: 'put', path: '/api/account', summary: 'Modifier mon nom ou mon adresse e-mail (mot de passe actuel requis pour l’adresse)', tag: 'auth', auth: 'session', body: accountBody, response: accountUpdateResponse },
  { method: 'post', path: '/api/account/password', summary: 'Changer mon mot de passe (ferme mes autres sessions)', tag: 'auth', auth: 'session', body: passwordBody, response: okResponse },
  { method: 'post', path: '/api/account/sessions/end-others', summary: 'Me déconnecter de mes autres sessions', tag: 'auth', auth: 'session', response: endOthersResponse },
  { method: 'get', path: '/api/account/data', summary: 'Télécharger mes données personnelles (profil, rôles, ce que j’ai écrit) en JSON ou CSV', tag: 'données personnelles', auth: 'session', query: personalDataQuery, response: personalDataResponse, files: [CSV] },
] as const satisfies readonly RouteDoc[];

function signedIn(c: Context<Env>): { userId: number; sessionId: string } {
  const userId = c.var.actor.userId;
  const sessionId = c.get('sessionId');
  if (!userId || !sessionId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer votre compte.');
  return { userId, sessionId };
}

/**
 * The signed-in person's account and personal data (the forgotten password is under /auth).
 * @example api.route('/', accountRoutes(loginLimiter));
 */
export function accountRoutes(loginLimiter: LoginLimiter) {
  const app = new Hono<Env>();
  const client = (c: Context<Env>) => clientAddressOf(socketAddress(c), c.req.header('x-forwarded-for'), trustedProxyList(c.var.deps.trustedProxies ?? []));

  app.get('/account', async (c) => {
    const { userId } = signedIn(c);
    return c.json(await getAccount({ db: c.var.deps.db, actor: c.var.actor, userId }));
  });

  app.put('/account', async (c) => {
    signedIn(c);
    const body = await readBody(c, accountBody);
    return c.json(await updateAccount({ db: c.var.deps.db, actor: c.var.actor, ...body }));
  });

  app.post('/account/password', async (c) => {
    const { sessionId } = signedIn(c);
    const body = await readBody(c, passwordBody);
    // It checks a password: counted like a login attempt, before the check.
    const attempt = await loginLimiter.begin(c.var.actor.email ?? '', client(c));
    await changePassword({ db: c.var.deps.db, actor: c.var.actor, sessionId, ...body });
    await loginLimiter.succeeded(attempt);
    return c.json({ ok: true });
  });

  app.post('/account/sessions/end-others', async (c) => {
    const { userId, sessionId } = signedIn(c);
    return c.json(await endOtherSessions({ db: c.var.deps.db, userId, sessionId }));
  });
  app.get('/account/data', async (c) => {
    const { format } = readQuery(c, personalDataQuery);
    const data = await exportPersonalData({ db: c.var.deps.db, actor: c.var.actor });
    const day = data.exportedAt.slice(0, 10);
    const headers = { 'Content-Disposition': `attachment; filename="mes-donnees-senacs-${day}.${format}"`, 'Cache-Control': 'no-store' };
    if (format === 'csv') return c.body(personalDataAsCsv(data), 200, { ...headers, 'Content-Type': 'text/csv; charset=utf-8' });
    return c.json(data, 200, headers);
  });
  return app;
}
