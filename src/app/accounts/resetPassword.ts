import type { Db } from '../../db/connection';
import { consumePasswordReset, findLiveReset, setPasswordAndEndSessions } from '../../db/passwordReset.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { assertStrongPassword } from '../../domain/passwordStrength';
import { invitationTokenHash } from '../../domain/secretLinks';
import { hashPassword } from '../infra/passwords';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const dead = () => new AppError('not_found', 'Ce lien de réinitialisation n’est plus valable (déjà utilisé, expiré ou remplacé par un plus récent). Demandez-en un nouveau.');

/**
 * Sets a new password through a reset link: the token must be live (unused, unexpired), the password
 * strong enough; the link then stops working and every session of the account ends.
 * @example await resetPassword({ db, token, password: 'une phrase de passe assez longue' });
 */
export async function resetPassword(p: { db: Db; token: string; password: string; now?: Date }): Promise<{ email: string }> {
  const now = p.now ?? new Date();
  if (!TOKEN.test(p.token)) throw dead();
  const hash = invitationTokenHash(p.token);
  const reset = await findLiveReset(p.db, hash, now);
  if (!reset) throw dead();
  assertStrongPassword(p.password, [reset.email, reset.name]);
  const passwordHash = await hashPassword(p.password);
  const userId = await consumePasswordReset(p.db, hash, now);
  if (userId !== reset.user_id) throw dead();
  await setPasswordAndEndSessions(p.db, userId, passwordHash);
  await appendAudit(p.db, { actorId: userId, action: 'password_reset.done', entity: 'user', entityId: userId });
  return { email: reset.email };
}
