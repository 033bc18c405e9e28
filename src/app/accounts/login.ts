import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { findUserByEmail } from '../../db/user.repo';
import { insertSession } from '../../db/session.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { checkPassword, decoyHash } from '../infra/passwords';

export const SESSION_DAYS = 14;

/** Session ids are stored hashed: a copy of the database gives no live session. */
export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The CSRF token of a session, derived from its secret token and never stored: the server recomputes it
 * from the cookie on each request, and a copy of the database (which holds only the session id, a hash)
 * gives neither.
 */
export const csrfTokenOf = (token: string) => createHash('sha256').update(`csrf:${token}`).digest('base64url');

/**
 * Checks credentials and opens a session.
 * @example const { token, csrfToken } = await login({ db, email, password });
 */
export async function login(props: { db: Db; email: string; password: string; now?: Date }) {
  const { db, email, password } = props;
  const now = props.now ?? new Date();
  const user = await findUserByEmail(db, email);
  const ok = user && !user.disabled
    ? await checkPassword(user.password_hash, password)
    : await checkPassword(await decoyHash(), password).then(() => false);
  if (!user || !ok) throw new AppError('invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = csrfTokenOf(token);
  await insertSession(db, { id: sessionIdOf(token), userId: user.id, expiresAt: new Date(now.getTime() + SESSION_DAYS * 864e5) });
  await appendAudit(db, { actorId: user.id, action: 'login', entity: 'user', entityId: user.id });
  return { token, csrfToken, userId: user.id };
}
