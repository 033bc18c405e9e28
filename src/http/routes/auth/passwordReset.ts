import { Hono, type Context } from 'hono';
import type { PasswordResetLimiter } from '../../../app/infra/passwordResetLimiter';
import { requestPasswordReset } from '../../../app/accounts/requestPasswordReset';
import { resetPassword } from '../../../app/accounts/resetPassword';
import { readConfig } from '../../../config';
import { clientAddressOf, socketAddress, trustedProxyList } from '../../clientAddress';
import type { Env } from '../../context';
import { readBody } from '../../input';
import type { RouteDoc } from '../../openapi';
import { okResponse, resetConfirmBody, resetRequestBody, resetRequestResponse } from './schema';

export const passwordResetDocs = [
  { method: 'post', path: '/api/auth/password-reset', summary: 'Mot de passe oublié : envoie un lien à usage unique et de courte durée si un compte a cette adresse (même réponse sinon ; limité par adresse et par e-mail)', tag: 'auth', body: resetRequestBody, status: 202, response: resetRequestResponse },
  { method: 'post', path: '/api/auth/password-reset/confirm', summary: 'Choisir un nouveau mot de passe avec le jeton du lien reçu (ferme toutes les sessions du compte)', tag: 'auth', body: resetConfirmBody, response: okResponse },
] as const satisfies readonly RouteDoc[];

const RESET_ANSWER = 'Si un compte existe avec cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Pensez à regarder dans les indésirables.';

/**
 * Forgotten password (public, rate limited per address and per e-mail).
 * @example app.route('/', passwordResetRoutes(PasswordResetLimiter.forDatabase(db, 'pglite')));
 */
export function passwordResetRoutes(resetLimiter: PasswordResetLimiter) {
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
  return app;
}
