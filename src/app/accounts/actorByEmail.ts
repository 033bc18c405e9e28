import type { Db } from '../../db/connection';
import { findUserByEmail, findUserById, listUserMemberships } from '../../db/user.repo';
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
  return actorOf(db, user);
}

/**
 * The actor of an account by its id, as it is now (a job asked for earlier runs with the rights its author
 * still has): refused when the account is gone or disabled.
 * @example const actor = await actorById(db, 3);
 */
export async function actorById(db: Db, id: number): Promise<Actor> {
  const user = await findUserById(db, id);
  if (!user || user.disabled) throw new AppError('forbidden', 'Le compte qui a demandé cette tâche n’est plus actif.');
  return actorOf(db, user);
}

async function actorOf(db: Db, user: { id: number; email: string; name: string }): Promise<Actor> {
  return { userId: user.id, email: user.email, name: user.name, memberships: await listUserMemberships(db, user.id) };
}
