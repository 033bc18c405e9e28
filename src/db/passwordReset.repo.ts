import { sql } from 'kysely';
import type { Db } from './connection';
import { forgetSessionActors } from './session.repo';

/** A reset asked for one account, with its token's hash and expiry. */
export async function insertPasswordReset(db: Db, r: { userId: number; tokenHash: string; expiresAt: Date }): Promise<number> {
  const row = await db.insertInto('password_resets').values({ user_id: r.userId, token_hash: r.tokenHash, expires_at: r.expiresAt })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A new token for a reset not used nor expired (drawn when its mail leaves); false when the reset can no longer be used. */
export async function rotatePasswordResetToken(db: Db, id: number, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('password_resets').set({ token_hash: tokenHash })
    .where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Uses a reset once: marks it used and returns its account, or undefined when the token is unknown, used
 * or expired. One statement, so two clicks on the same link cannot both succeed. The account's other
 * pending resets are spent too (an older mail stops working).
 */
export async function consumePasswordReset(db: Db, tokenHash: string, now: Date): Promise<number | undefined> {
  const row = await db.updateTable('password_resets').set({ used_at: now })
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning('user_id').executeTakeFirst();
  if (!row) return undefined;
  await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', row.user_id).where('used_at', 'is', null).execute();
  return row.user_id;
}

/** Sets an account's password hash and ends every one of its sessions but `keepSessionId` (none: all). */
export async function setPasswordAndEndSessions(db: Db, userId: number, passwordHash: string, keepSessionId?: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    await deleteUserSessions(tx, userId, keepSessionId);
  });
  forgetSessionActors();
}

/** Ends the sessions of an account, but `keepSessionId`; returns how many ended. */
export async function deleteUserSessions(db: Db, userId: number, keepSessionId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  const r = await q.executeTakeFirst();
  forgetSessionActors();
  return Number(r.numDeletedRows);
}

/** Live sessions of an account (for "sign out of my other sessions"). */
export async function countUserSessions(db: Db, userId: number, now: Date): Promise<number> {
  const r = await db.selectFrom('sessions').select(sql<number>`count(*)::int`.as('n')).where('user_id', '=', userId).where('expires_at', '>', now).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Changes an account's name and e-mail; false when the e-mail belongs to another account. */
export async function updateUserIdentity(db: Db, userId: number, p: { name: string; email: string }): Promise<boolean> {
  const taken = await db.selectFrom('users').select('id').where('email', '=', p.email).where('id', '!=', userId).executeTakeFirst();
  if (taken) return false;
  await db.updateTable('users').set({ name: p.name, email: p.email }).where('id', '=', userId).execute();
  forgetSessionActors();
  return true;
}

/** The account a live (unused, unexpired) reset token belongs to, to check the new password against its name and e-mail. */
export async function findLiveReset(db: Db, tokenHash: string, now: Date) {
  return db.selectFrom('password_resets').innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['users.id as user_id', 'users.email', 'users.name'])
    .where('password_resets.token_hash', '=', tokenHash).where('password_resets.used_at', 'is', null).where('password_resets.expires_at', '>', now)
    .where('users.disabled', '=', false).executeTakeFirst();
}

/** Queues the reset e-mail, tied to its reset so the sender writes the link in at sending time. */
export async function insertResetMail(db: Db, m: { to: string; subject: string; body: string; passwordResetId: number }) {
  await db.insertInto('outbox').values({ to_email: m.to, subject: m.subject, body: m.body, structure_id: null, password_reset_id: m.passwordResetId }).execute();
}
