import type { Db } from '../../db/connection';
import { findInvitation, markRevoked } from '../../db/invitation.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { authorizeInvitations, invitationState } from './invitationAccess';

/**
 * The director revokes a pending invitation: its link stops working at once.
 * @example await revokeInvitation({ db, actor, structureId: 12, invitationId: 3 });
 */
export async function revokeInvitation(p: { db: Db; actor: Actor; structureId: number; invitationId: number; now?: Date }) {
  await authorizeInvitations(p.db, p.actor, p.structureId);
  const now = p.now ?? new Date();
  const inv = await findInvitation(p.db, p.invitationId);
  if (!inv || inv.structure_id !== p.structureId) throw new AppError('not_found', 'Invitation introuvable.');
  const state = invitationState(inv, now);
  if (state === 'accepted') throw new AppError('conflict', 'Cette invitation a déjà été acceptée : retirez plutôt la personne de l’équipe.');
  if (state === 'revoked') throw new AppError('conflict', 'Cette invitation est déjà révoquée.');
  if (!(await markRevoked(p.db, inv.id, p.actor.userId!, now))) throw new AppError('conflict', 'Cette invitation vient d’être utilisée ou révoquée.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'invitation.revoke', entity: 'structure', entityId: p.structureId, data: { invitation: inv.id, email: inv.email } });
  return { id: inv.id, state: 'revoked' as const };
}
