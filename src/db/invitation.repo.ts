import type { Db } from './connection';
import type { Role } from '../domain/roles';
import type { TerritoryGrant } from '../domain/people';

/** All SQL of invitations by e-mail link (tokens are stored hashed: the table never holds a usable link). */

export async function insertInvitation(db: Db, i: { structureId: number | null; scope?: TerritoryGrant; email: string; role: Exclude<Role, 'national_admin'>; tokenHash: string; invitedBy: number; expiresAt: Date }) {
  const row = await db.insertInto('invitations').values({
    structure_id: i.structureId, scope: i.scope ? JSON.stringify(i.scope) : null, email: i.email, role: i.role, token_hash: i.tokenHash, invited_by: i.invitedBy, expires_at: i.expiresAt,
  }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  return row;
}

/** One invitation by its token's hash, with the structure's name and place (none for a territory role: its scope instead). */
export async function findInvitationByHash(db: Db, tokenHash: string) {
  return db.selectFrom('invitations').leftJoin('structures', 'structures.id', 'invitations.structure_id')
    .select(['invitations.id', 'invitations.structure_id', 'invitations.scope', 'invitations.email', 'invitations.role', 'invitations.expires_at',
      'invitations.accepted_at', 'invitations.revoked_at', 'structures.name as structure_name',
      'structures.departement_code', 'structures.region_code'])
    .where('invitations.token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findInvitation(db: Db, id: number) {
  return db.selectFrom('invitations').select(['id', 'structure_id', 'email', 'role', 'expires_at', 'accepted_at', 'revoked_at'])
    .where('id', '=', id).executeTakeFirst();
}

/** The invitations of a structure, newest first, with who invited and who accepted. */
export async function listInvitations(db: Db, structureId: number, limit = 100) {
  return db.selectFrom('invitations')
    .innerJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
    .leftJoin('users as accepter', 'accepter.id', 'invitations.accepted_by')
    .select(['invitations.id', 'invitations.email', 'invitations.role', 'invitations.created_at', 'invitations.expires_at',
      'invitations.accepted_at', 'invitations.revoked_at', 'inviter.name as invited_by_name', 'accepter.name as accepted_by_name'])
    .where('invitations.structure_id', '=', structureId)
    .orderBy('invitations.id', 'desc').limit(limit).execute();
}

/** How many invitations a structure sent since a moment (the rate limit survives restarts). */
export async function countInvitationsSince(db: Db, structureId: number, since: Date): Promise<number> {
  const r = await db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('structure_id', '=', structureId).where('created_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks an invitation used, once: false when someone else used or revoked it in the meantime. */
export async function markAccepted(db: Db, id: number, userId: number | null, now: Date): Promise<boolean> {
  const r = await db.updateTable('invitations').set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Gives a pending invitation a new token (its hash), at the moment its e-mail leaves: false when it was
 * used, revoked or expired meanwhile (then no mail goes). Any earlier link of that invitation stops working.
 */
export async function rotateInvitationToken(db: Db, id: number, tokenHash: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('invitations').set({ token_hash: tokenHash })
    .where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Revokes a pending invitation: false when it was already used or revoked. */
export async function markRevoked(db: Db, id: number, userId: number, now: Date): Promise<boolean> {
  const r = await db.updateTable('invitations').set({ revoked_at: now, revoked_by: userId })
    .where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Does the user already hold that role on that structure? */
export async function hasStructureRole(db: Db, userId: number, structureId: number, role: Role): Promise<boolean> {
  const r = await db.selectFrom('memberships').select('id')
    .where('user_id', '=', userId).where('structure_id', '=', structureId).where('role', '=', role).executeTakeFirst();
  return r !== undefined;
}

/** Is the address already someone of that structure (any role)? */
export async function isMemberByEmail(db: Db, structureId: number, email: string): Promise<boolean> {
  const r = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.id')
    .where('memberships.structure_id', '=', structureId).where('users.email', '=', email.toLowerCase()).executeTakeFirst();
  return r !== undefined;
}
