import { sql } from 'kysely';
import type { Db } from './connection';

/** A new session; its CSRF token is derived from the secret token (csrfTokenOf) and not stored (the column stays empty). */
export async function insertSession(db: Db, s: { id: string; userId: number; expiresAt: Date }) {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf_token: '', expires_at: s.expiresAt }).execute();
}

type SessionActorRow = { user_id: number; email: string; name: string; csrf_token: string; expires_at: Date; memberships: Record<string, unknown>[] | null };

/**
 * Autosave sends a request per answer typed: the session's actor is kept for a second per process, so a
 * burst of saves reads it once. Anything that changes who someone is (a membership added, a session ended)
 * goes through this module or user.repo, which forget the cache; another process's change shows within a second.
 */
const ACTOR_TTL_MS = 1000;
const actorCache = new WeakMap<Db, Map<string, { row: SessionActorRow; at: number; generation: number }>>();
let generation = 0;

/** Forgets every cached session actor (after a membership, user or session change). */
export function forgetSessionActors(): void {
  generation++;
}

/** A live session with its user and memberships, in one round trip (it runs on every request). */
export async function findSessionActor(db: Db, id: string, now: Date): Promise<SessionActorRow | undefined> {
  let perDb = actorCache.get(db);
  if (!perDb) actorCache.set(db, (perDb = new Map()));
  const hit = perDb.get(id);
  const t = Date.now();
  if (hit && hit.generation === generation && t - hit.at < ACTOR_TTL_MS && hit.row.expires_at > now) return hit.row;
  // Callers at once (a page's requests as the second ends) share one read.
  let reads = actorReads.get(db);
  if (!reads) actorReads.set(db, (reads = new Map()));
  const pending = reads.get(id);
  if (pending && pending.generation === generation && Math.abs(pending.now.getTime() - now.getTime()) < ACTOR_TTL_MS) {
    const row = await pending.row;
    return row && row.expires_at > now ? row : undefined;
  }
  const read = { generation, now, row: readSessionActor(db, perDb, id, now, t) };
  reads.set(id, read);
  try { return await read.row; } finally { if (reads.get(id) === read) reads.delete(id); }
}

const actorReads = new WeakMap<Db, Map<string, { generation: number; now: Date; row: Promise<SessionActorRow | undefined> }>>();

async function readSessionActor(db: Db, perDb: Map<string, { row: SessionActorRow; at: number; generation: number }>, id: string, now: Date, t: number) {
  const seen = generation;
  const r = await sql<SessionActorRow>`
    select u.id as user_id, u.email, u.name, s.csrf_token, s.expires_at,
      (select json_agg(json_build_object('role', m.role, 'organisation', m.organisation, 'structureId', m.structure_id,
         'departementCode', m.departement_code, 'regionCode', m.region_code) order by m.id)
       from memberships m where m.user_id = u.id) as memberships
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id} and s.expires_at > ${now} and not u.disabled`.execute(db);
  const row = r.rows[0];
  if (perDb.size > 10_000) perDb.clear();
  if (row && seen === generation) perDb.set(id, { row, at: t, generation: seen });
  else perDb.delete(id);
  return row;
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
