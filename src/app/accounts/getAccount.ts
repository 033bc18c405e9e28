import type { Db } from '../../db/connection';
import { countUserSessions } from '../../db/passwordReset.repo';
import type { Actor } from '../../domain/roles';

/**
 * The signed-in person's account page: name, e-mail and how many of their sessions are still open.
 * The caller has checked the actor is signed in (`userId`).
 * @example await getAccount({ db, actor, userId: 7 }) // { name: 'Camille', email: 'camille@example.org', sessions: 2 }
 */
export async function getAccount(p: { db: Db; actor: Actor; userId: number }) {
  return { name: p.actor.name, email: p.actor.email, sessions: await countUserSessions(p.db, p.userId, new Date()) };
}
