import { sql } from 'kysely';
import type { Db } from './connection';
import { shortLived } from './shortLived';

/** A new session; its CSRF token is derived from the secret token (csrfTokenOf) and not stored (the column stays empty). */
export async function insertSession(db: Db, s: { id: string; userId: number; expiresAt: Date }) {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf_token: '', expires_at: s.expiresAt }).execute();
}

type SessionActorRow = { user_id: number; email: string; name: string; csrf_token: string; expires_at: Date; memberships: Record<string, unknown>[] | null };

/**
 * Autosave sends a request per answer typed: the session's actor is kept for a second per process
 * (shortLived; requests at once share one read), so a burst of saves reads it once. Anything that changes
 * who someone is (a membership added, a session ended) goes through this module or user.repo, which forget
 * the kept actors; another process's change shows within a second.
 */
const actors = shortLived<SessionActorRow | undefined>(1000, 10_000);

/** Forgets every cached session actor (after a membership, user or session change). */
export function forgetSessionActors(): void {
  actors.forget();
}

/** A live session with its user and memberships, in one round trip (it runs on every request). */
export async function findSessionActor(db: Db, id: string, now: Date): Promise<SessionActorRow | undefined> {
  const row = await actors.read(db, id, async () => (await sql<SessionActorRow>`
    select u.id as user_id, u.email, u.name, s.csrf_token, s.expires_at,
      (select json_agg(json_build_object('role', m.role, 'organisation', m.organisation, 'structureId', m.structure_id,
         'departementCode', m.departement_code, 'regionCode', m.region_code) order by m.id)
       from memberships m where m.user_id = u.id) as memberships
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id} and not u.disabled`.execute(db)).rows[0]);
  // Whether it is still live is asked of the row, at the caller's time: the row read stays the same for a second.
  return row && new Date(row.expires_at) > now ? row : undefined;
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
  forgetSessionActors();
}

/** Deletes sessions expired at `now`; returns how many went. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
