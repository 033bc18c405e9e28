import { sql } from 'kysely';
import type { Db } from './connection';

export async function insertSession(db: Db, s: { id: string; userId: number; csrfToken: string; expiresAt: Date }) {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

/** A live session with its user and memberships, in one round trip (it runs on every request). */
export async function findSessionActor(db: Db, id: string, now: Date) {
  const r = await sql<{ user_id: number; email: string; name: string; csrf_token: string; memberships: Record<string, unknown>[] | null }>`
    select u.id as user_id, u.email, u.name, s.csrf_token,
      (select json_agg(json_build_object('role', m.role, 'organisation', m.organisation, 'structureId', m.structure_id,
         'departementCode', m.departement_code, 'regionCode', m.region_code) order by m.id)
       from memberships m where m.user_id = u.id) as memberships
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id} and s.expires_at > ${now} and not u.disabled`.execute(db);
  return r.rows[0];
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
