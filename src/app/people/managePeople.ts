import type { Db } from '../../db/connection';
import { listTerritoryPeople, pendingTerritoryInvitations, setUserDisabled } from '../../db/people.repo';
import { findUserById, listUserMemberships } from '../../db/user.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { canManagePerson, grantLabel } from '../../domain/people';
import { structureRoles, type Actor } from '../../domain/roles';
import { territoryIndex } from '../invitations/invitePerson';

function requireTerritoryStaff(actor: Actor) {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer les personnes.');
  if (!actor.memberships.some((m) => ['correspondent', 'regional_coordinator', 'national_admin'].includes(m.role))) {
    throw new AppError('forbidden', 'La gestion des personnes est réservée aux correspondants, aux coordinations régionales et à l’administration nationale.');
  }
}

/**
 * The people of the territories the actor may manage (those whose every scope fits in the actor's), and the
 * territory invitations still pending there.
 * @example const { people, pending } = await listPeople({ db, actor });
 */
export async function listPeople(p: { db: Db; actor: Actor; now?: Date }) {
  requireTerritoryStaff(p.actor);
  const { regionOf } = await territoryIndex(p.db);
  const now = p.now ?? new Date();
  const people = (await listTerritoryPeople(p.db)).filter((x) => x.id === p.actor.userId || canManagePerson(p.actor, x.memberships, regionOf));
  const pending = (await pendingTerritoryInvitations(p.db))
    .filter((i) => i.scope && canManagePerson(p.actor, [{ role: i.scope.role, organisation: i.scope.organisation, regionCode: i.scope.regionCode, departementCode: i.scope.departements?.[0] }], regionOf))
    .map((i) => ({ id: i.id, email: i.email, label: i.scope ? grantLabel(i.scope) : i.role, expiresAt: new Date(i.expires_at).toISOString(), expired: new Date(i.expires_at) <= now }));
  return {
    people: people.map((x) => ({ ...x, manageable: x.id !== p.actor.userId && canManagePerson(p.actor, x.memberships, regionOf) })),
    pending,
  };
}

/**
 * Suspends (no login, open sessions refused) or reactivates a person of a territory role; only someone who
 * could grant each of their scopes, never oneself. Audited.
 * @example await setPersonSuspended({ db, actor, userId: 42, suspended: true });
 */
export async function setPersonSuspended(p: { db: Db; actor: Actor; userId: number; suspended: boolean }) {
  requireTerritoryStaff(p.actor);
  const user = await findUserById(p.db, p.userId);
  if (!user) throw new AppError('not_found', 'Personne introuvable.');
  if (p.userId === p.actor.userId) throw new AppError('forbidden', 'Vous ne pouvez pas suspendre votre propre compte.');
  const held = await listUserMemberships(p.db, p.userId);
  const { regionOf } = await territoryIndex(p.db);
  const territorial = held.filter((m) => !(structureRoles as readonly string[]).includes(m.role));
  if (territorial.length === 0 || !canManagePerson(p.actor, territorial, regionOf)) {
    throw new AppError('forbidden', 'Cette personne a un périmètre plus large que le vôtre, ou n’a pas de rôle de territoire : vous ne pouvez pas la suspendre.');
  }
  const changed = await setUserDisabled(p.db, p.userId, p.suspended);
  if (changed) await appendAudit(p.db, { actorId: p.actor.userId, action: p.suspended ? 'person.suspend' : 'person.reactivate', entity: 'user', entityId: p.userId, data: { email: user.email } });
  return { id: p.userId, suspended: p.suspended, changed };
}
