import type { Db } from '../../db/connection';
import { findUserById } from '../../db/user.repo';
import { setPasswordAndEndSessions } from '../../db/passwordReset.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { assertStrongPassword } from '../../domain/passwordStrength';
import type { Actor } from '../../domain/roles';
import { checkPassword, hashPassword } from '../infra/passwords';

/**
 * The signed-in person changes their password, giving the current one; their other sessions end (this one stays).
 * The caller counts the attempt in the login limiter first (it checks a password).
 * @example await changePassword({ db, actor, sessionId, current: '…', password: '…' });
 */
export async function changePassword(p: { db: Db; actor: Actor; sessionId: string; current: string; password: string }): Promise<void> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour changer votre mot de passe.');
  const user = await findUserById(p.db, p.actor.userId);
  if (!user || !(await checkPassword(user.password_hash, p.current))) throw new AppError('invalid_credentials', 'Mot de passe actuel incorrect.');
  assertStrongPassword(p.password, [user.email, user.name]);
  await setPasswordAndEndSessions(p.db, user.id, await hashPassword(p.password), p.sessionId);
  await appendAudit(p.db, { actorId: user.id, action: 'password.change', entity: 'user', entityId: user.id });
}
