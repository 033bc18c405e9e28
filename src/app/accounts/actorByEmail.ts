import type { Db } from '../../db/connection';
import { findUserByEmail, listUserMemberships } from '../../db/user.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';

/**
 * The actor of an existing, enabled account (command-line `--as <email>`): the CLI then sees and does
 * only what that person may.
 * @example const actor = await actorByEmail(db, 'caf69@demo.senacs.test');
 */
export async function actorByEmail(db: Db, email: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled) throw new AppError('not_found', `Aucun compte actif pour « ${email} ».`);
  return { userId: user.id, email: user.email, name: user.name, memberships: await listUserMemberships(db, user.id) };
}
