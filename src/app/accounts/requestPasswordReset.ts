import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { findUserByEmail } from '../../db/user.repo';
import { insertPasswordReset, insertResetMail } from '../../db/passwordReset.repo';
import { appendAudit } from '../../db/audit.repo';
import { invitationTokenHash, passwordResetLink } from '../../domain/secretLinks';
import { flushOutbox } from '../infra/deliverOutbox';

/** How long a reset link works (PASSWORD_RESET_MINUTES, 60 by default, 10 to 1440). */
export const passwordResetMinutes = (env: NodeJS.ProcessEnv = process.env) => {
  const n = Number(env.PASSWORD_RESET_MINUTES);
  return Number.isInteger(n) && n >= 10 && n <= 1440 ? n : 60;
};

/** The reset e-mail, in French; `link` holds the placeholder, the sender writes the token in. */
export function passwordResetMail(p: { name: string; link: string; expiresAt: Date }) {
  const until = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(p.expiresAt);
  return {
    subject: 'Observatoire Senacs : choisir un nouveau mot de passe',
    body: [
      `Bonjour ${p.name},`, '',
      'Vous avez demandé à choisir un nouveau mot de passe pour votre compte de l’observatoire Senacs.',
      `Ouvrez ce lien (valable jusqu’au ${until}, utilisable une seule fois) :`,
      p.link, '',
      'Vos autres sessions seront fermées une fois le mot de passe changé.',
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.', '',
      '— L’équipe de l’observatoire Senacs',
    ].join('\n'),
  };
}

/**
 * "Mot de passe oublié ?": for an existing, active account, queues an e-mail with a one-time, short-lived
 * link (the token is drawn and written into the mail only when it leaves, see prepareMailForSending).
 * Answers the same whether or not the address has an account; the mail is sent in the background so the
 * answer's timing does not tell either. Rate limits are applied by the caller before (PasswordResetLimiter).
 * @example await requestPasswordReset({ db, email: 'a@b.fr', appUrl: 'https://senacs.fr', smtpUrl });
 */
export async function requestPasswordReset(p: { db: Db; email: string; appUrl: string; smtpUrl?: string; now?: Date; onSendError?: (e: unknown) => void }): Promise<void> {
  const now = p.now ?? new Date();
  const user = await findUserByEmail(p.db, p.email.trim().toLowerCase());
  if (!user || user.disabled) return;
  const expiresAt = new Date(now.getTime() + passwordResetMinutes() * 60_000);
  const mail = passwordResetMail({ name: user.name, link: passwordResetLink(p.appUrl), expiresAt });
  await p.db.transaction().execute(async (tx) => {
    // This token is never sent: the sender replaces it by a fresh one when the mail leaves.
    const id = await insertPasswordReset(tx, { userId: user.id, tokenHash: invitationTokenHash(randomBytes(32).toString('base64url')), expiresAt });
    await insertResetMail(tx, { to: user.email, ...mail, passwordResetId: id });
    await appendAudit(tx, { actorId: null, action: 'password_reset.request', entity: 'user', entityId: user.id });
  });
  if (p.smtpUrl) void flushOutbox(p.db, p.smtpUrl).catch((e: unknown) => p.onSendError?.(e));
}
