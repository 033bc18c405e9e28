import { Hono, type Context } from 'hono';
import { changePassword } from '../../../app/accounts/changePassword';
import type { LoginLimiter } from '../../../app/infra/loginLimiter';
import type { PasswordResetLimiter } from '../../../app/infra/passwordResetLimiter';
import { requestPasswordReset } from '../../../app/accounts/requestPasswordReset';
import { resetPassword } from '../../../app/accounts/resetPassword';
import { updateAccount } from '../../../app/accounts/updateAccount';
import { readConfig } from '../../../config';
import { endOtherSessions } from '../../../app/accounts/endOtherSessions';
import { getAccount } from '../../../app/accounts/getAccount';
import { AppError } from '../../../domain/errors';
import { clientAddressOf, socketAddress, trustedProxyList } from '../../clientAddress';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { okResponse } from '../auth/schema';
import { accountBody, accountResponse, accountUpdateResponse, endOthersResponse, passwordBody, resetConfirmBody, resetRequestBody, resetRequestResponse } from './schema';

export const accountDocs = [
  { method: 'post', path: '/api/auth/password-reset', summary: 'Mot de passe oublié : envoie un lien à usage unique et de courte durée si un compte a cette adresse (même réponse sinon ; limité par adresse et par e-mail)', tag: 'auth', body: resetRequestBody, status: 202, response: resetRequestResponse },
  { method: 'post', path: '/api/auth/password-reset/confirm', summary: 'Choisir un nouveau mot de passe avec le jeton du lien reçu (ferme toutes les sessions du compte)', tag: 'auth', body: resetConfirmBody, response: okResponse },
  { method: 'get', path: '/api/account', summary: 'Mon compte : nom, adresse e-mail, sessions ouvertes', tag: 'auth', auth: 'session', response: accountResponse },
  { method: 'put', path: '/api/account', summary: 'Modifier mon nom ou mon adresse e-mail (mot de passe actuel requis pour l’adresse)', tag: 'auth', auth: 'session', body: accountBody, response: accountUpdateResponse },
  { method: 'post', path: '/api/account/password', summary: 'Changer mon mot de passe (ferme mes autres sessions)', tag: 'auth', auth: 'session', body: passwordBody, response: okResponse },
  { method: 'post', path: '/api/account/sessions/end-others', summary: 'Me déconnecter de mes autres sessions', tag: 'auth', auth: 'session', response: endOthersResponse },
] as const satisfies readonly RouteDoc[];

const RESET_ANSWER = 'Si un compte existe avec cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Pensez à regarder dans les indésirables.';

function signedIn(c: Context<Env>): { userId: number; sessionId: string } {
  const userId = c.var.actor.userId;
  const sessionId = c.get('sessionId');
  if (!userId || !sessionId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer votre compte.');
  return { userId, sessionId };
}

/** Forgotten password (public, rate limited) and the signed-in person's account. */
export function accountRoutes(loginLimiter: LoginLimiter, resetLimiter: PasswordResetLimiter) {
  const app = new Hono<Env>();
  const client = (c: Context<Env>) => clientAddressOf(socketAddress(c), c.req.header('x-forwarded-for'), trustedProxyList(c.var.deps.trustedProxies ?? []));

  app.post('/auth/password-reset', async (c) => {
    const body = await readBody(c, resetRequestBody);
    await resetLimiter.take(body.email, client(c));
    const config = readConfig();
    await requestPasswordReset({
      db: c.var.deps.db, email: body.email, appUrl: config.publicUrl ?? new URL(c.req.url).origin,
      ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}), onSendError: (e) => c.var.deps.logger.error({ err: e }, 'réinitialisation du mot de passe'),
    });
    return c.json({ ok: true, message: RESET_ANSWER }, 202);
  });

  app.post('/auth/password-reset/confirm', async (c) => {
    const body = await readBody(c, resetConfirmBody);
    await resetPassword({ db: c.var.deps.db, token: body.token, password: body.password });
    return c.json({ ok: true });
  });

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
  return app;
}
