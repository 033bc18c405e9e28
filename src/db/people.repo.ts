import { sql } from 'kysely';
import type { Db } from './connection';
import type { TerritoryScope } from './campaign.repo';
import type { Membership } from '../domain/roles';
import type { TerritoryGrant } from '../domain/people';

/** Everyone holding a territory role (correspondents, regional coordination, nation), with their scopes and state. */
export async function listTerritoryPeople(db: Db) {
  const rows = await db.selectFrom('users').innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'users.disabled', 'memberships.role', 'memberships.organisation', 'memberships.departement_code', 'memberships.region_code'])
    .where('memberships.role', 'in', ['correspondent', 'regional_coordinator', 'national_admin'])
    .orderBy('users.name').orderBy('memberships.id').execute();
  const people = new Map<number, { id: number; name: string; email: string; disabled: boolean; memberships: Membership[] }>();
  for (const r of rows) {
    const p = people.get(r.id) ?? { id: r.id, name: r.name, email: r.email, disabled: r.disabled, memberships: [] };
    p.memberships.push({ role: r.role, organisation: r.organisation as Membership['organisation'], departementCode: r.departement_code, regionCode: r.region_code });
    people.set(r.id, p);
  }
  return [...people.values()];
}

/** Territory invitations not yet accepted nor revoked, newest first. */
export async function pendingTerritoryInvitations(db: Db) {
  return db.selectFrom('invitations').select(['id', 'email', 'role', 'scope', 'expires_at', 'created_at'])
    .where('structure_id', 'is', null).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
    .orderBy('id', 'desc').limit(500).execute() as Promise<{ id: number; email: string; role: string; scope: TerritoryGrant | null; expires_at: Date; created_at: Date }[]>;
}

/** Suspends or reactivates an account (a suspended account can neither log in nor use an open session). */
export async function setUserDisabled(db: Db, userId: number, disabled: boolean): Promise<boolean> {
  const r = await db.updateTable('users').set({ disabled }).where('id', '=', userId).where('disabled', '=', !disabled).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The running structures of a territory with what their director invitation stands at: directors who joined,
 * the directory's e-mail, the last director invitation (pending, accepted, expired or revoked).
 */
export async function directorFollowUp(db: Db, scope: TerritoryScope, structureIds?: number[]) {
  let q = db.selectFrom('structures')
    .select(['structures.id', 'structures.name', 'structures.email', 'structures.departement_code',
      (eb) => eb.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
        .whereRef('memberships.structure_id', '=', 'structures.id').where('memberships.role', '=', 'director')
        .select(sql<string>`string_agg(users.name, ', ' order by users.name)`.as('d')).as('directors'),
      (eb) => eb.selectFrom('invitations').whereRef('invitations.structure_id', '=', 'structures.id').where('invitations.role', '=', 'director')
        .select(sql<string>`json_build_object('email', email, 'expires_at', expires_at, 'accepted_at', accepted_at, 'revoked_at', revoked_at)::text`.as('i'))
        .orderBy('invitations.id', 'desc').limit(1).as('last_invitation')])
    .where('structures.ended_on', 'is', null);
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  if (structureIds) q = q.where('structures.id', 'in', structureIds.length ? structureIds : [0]);
  const rows = await q.orderBy('structures.name').orderBy('structures.id').execute();
  return rows.map((r) => ({ ...r, last_invitation: r.last_invitation ? JSON.parse(r.last_invitation) as { email: string; expires_at: string; accepted_at: string | null; revoked_at: string | null } : null }));
}
