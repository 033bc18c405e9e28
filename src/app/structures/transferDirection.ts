import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { handOverDirection, structureMembersWithRole } from '../../db/privacy.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import { structureRoles, type Actor } from '../../domain/roles';
import { personPolicy } from '../../policies/person';

/**
 * A departing director hands the structure to a successor chosen among its members: the successor becomes
 * director; the departing director (the actor, or every current director when the national administration
 * acts) becomes a contributor, or leaves the structure with `leave`.
 * @example await transferDirection({ db, actor, structureId: 12, successorId: 57, leave: true });
 */
export async function transferDirection(p: { db: Db; actor: Actor; structureId: number; successorId: number; leave: boolean }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour transmettre la direction.');
  const place = await getStructurePlace(p.db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!personPolicy.handOver(p.actor, p.structureId)) throw new AppError('forbidden', 'Seule la direction de la structure, ou l’administration nationale, transmet la direction.');
  const members = await structureMembersWithRole(p.db, p.structureId, structureRoles);
  const successor = members.find((m) => m.user_id === p.successorId);
  if (!successor) throw new AppError('validation_failed', 'Le successeur doit déjà faire partie de l’équipe de la structure : invitez-le d’abord.');
  if (successor.role === 'director') throw new AppError('conflict', 'Cette personne dirige déjà la structure.');
  const actorDirects = members.some((m) => m.user_id === p.actor.userId && m.role === 'director');
  const departing = members.filter((m) => m.role === 'director' && (!actorDirects || m.user_id === p.actor.userId));
  await handOverDirection(p.db, { successorMembershipId: successor.id, departingMembershipIds: departing.map((m) => m.id), leave: p.leave });
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'structure.direction.transfer', entity: 'structure', entityId: p.structureId, data: { successor: p.successorId, departing: departing.map((m) => m.user_id), leave: p.leave } });
  return { structureId: p.structureId, directorId: p.successorId, departing: departing.map((m) => m.user_id) };
}
