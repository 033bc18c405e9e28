import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { findPerson, pseudonymisePerson } from '../../db/privacy.repo';
import { AppError } from '../../domain/errors';
import type { Actor, Role } from '../../domain/roles';
import { personPolicy } from '../../policies/person';

/**
 * Removes a person (right to erasure): account closed, name and e-mail replaced by a pseudonym everywhere
 * they appear, memberships, sessions and links gone; what they wrote stays, signed by the pseudonym.
 * The national administration removes anyone but itself; a director, the members of their team.
 * @example await removePerson({ db, actor, userId: 42 }) // { pseudonym: 'Personne retirée 3f9a1c' }
 */
export async function removePerson(p: { db: Db; actor: Actor; userId: number; now?: Date }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour retirer une personne.');
  const target = await findPerson(p.db, p.userId);
  if (!target) throw new AppError('not_found', 'Personne introuvable.');
  if (target.id === p.actor.userId) throw new AppError('bad_request', 'Vous ne pouvez pas retirer votre propre compte : demandez-le à l’administration nationale ou à la direction de votre structure.');
  if (!personPolicy.remove(p.actor, { id: target.id, memberships: target.memberships.map((m) => ({ role: m.role as Role, structure_id: m.structure_id })) })) {
    throw new AppError('forbidden', 'Seule l’administration nationale, ou la direction pour les membres de son équipe, peut retirer une personne.');
  }
  if (target.removed_at) throw new AppError('conflict', 'Cette personne a déjà été retirée.');
  const code = randomBytes(4).toString('hex');
  const pseudonym = `Personne retirée ${code}`;
  const now = p.now ?? new Date();
  const r = await pseudonymisePerson(p.db, { userId: target.id, name: target.name, email: target.email, pseudonym, pseudoEmail: `retiree-${code}@invalid`, now });
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'person.remove', entity: 'user', entityId: target.id, data: { replaced: r.replaced } });
  return { id: target.id, pseudonym };
}
