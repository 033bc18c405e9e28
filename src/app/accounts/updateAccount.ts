import type { Db } from '../../db/connection';
import { findUserById } from '../../db/user.repo';
import { updateUserIdentity } from '../../db/passwordReset.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { checkPassword } from '../infra/passwords';

/**
 * The signed-in person changes their name or e-mail address. A new address needs the current password
 * (the address is where a reset link goes). Another account's address is refused.
 * @example await updateAccount({ db, actor, name: 'Awa Diallo', email: 'awa@cs.fr', currentPassword: '…' });
 */
export async function updateAccount(p: { db: Db; actor: Actor; name: string; email: string; currentPassword?: string }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour modifier votre compte.');
  const user = await findUserById(p.db, p.actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Connectez-vous pour modifier votre compte.');
  const email = p.email.trim().toLowerCase();
  const name = p.name.trim();
  if (email !== user.email) {
    if (!p.currentPassword || !(await checkPassword(user.password_hash, p.currentPassword))) {
      throw new AppError('invalid_credentials', 'Pour changer d’adresse e-mail, donnez votre mot de passe actuel.');
    }
  }
  if (!(await updateUserIdentity(p.db, user.id, { name, email }))) throw new AppError('conflict', 'Cette adresse e-mail est déjà celle d’un autre compte.');
  await appendAudit(p.db, { actorId: user.id, action: 'account.update', entity: 'user', entityId: user.id, data: { nameChanged: name !== user.name, emailChanged: email !== user.email } });
  return { name, email };
}
