import { forgetSessionActors } from './session.repo';
import type { Db } from './connection';
import type { Membership } from '../domain/roles';

export interface UserRow { id: number; email: string; name: string; password_hash: string; disabled: boolean }

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'password_hash', 'disabled'])
    .where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'password_hash', 'disabled'])
    .where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Db, u: { email: string; name: string; passwordHash: string }): Promise<number> {
  const row = await db.insertInto('users')
    .values({ email: u.email.toLowerCase(), name: u.name, password_hash: u.passwordHash })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMembership(db: Db, userId: number, m: Membership): Promise<void> {
  await db.insertInto('memberships').values({
    user_id: userId, role: m.role, organisation: m.organisation ?? null, structure_id: m.structureId ?? null,
    departement_code: m.departementCode ?? null, region_code: m.regionCode ?? null,
  }).execute();
  forgetSessionActors();
}

/** The people of one structure, with their role there. */
export async function listStructureMembers(db: Db, structureId: number) {
  return db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role'])
    .where('memberships.structure_id', '=', structureId).orderBy('users.name').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The memberships of one user, oldest first. */
export async function listUserMemberships(db: Db, userId: number): Promise<Membership[]> {
  const rows = await db.selectFrom('memberships').select(['role', 'organisation', 'structure_id', 'departement_code', 'region_code'])
    .where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((m) => ({ role: m.role as Membership['role'], organisation: m.organisation as Membership['organisation'], structureId: m.structure_id, departementCode: m.departement_code, regionCode: m.region_code }));
}
