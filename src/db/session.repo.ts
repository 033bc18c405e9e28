import type { Db } from './connection';

export async function insertSession(db: Db, s: { id: string; userId: number; csrfToken: string; expiresAt: Date }) {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

export async function findLiveSession(db: Db, id: string, now: Date) {
  return db.selectFrom('sessions').select(['id', 'user_id', 'csrf_token', 'expires_at'])
    .where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
