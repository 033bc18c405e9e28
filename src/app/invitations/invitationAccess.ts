import type { Db } from '../../db/connection';
import { getStructurePlace } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';

/** Who may see and revoke a structure's invitations: its director and the nation; others get 403, or 404 when they may not even read it. */
export async function authorizeInvitations(db: Db, actor: Actor, structureId: number) {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer les invitations.');
  const place = await getStructurePlace(db, structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!structurePolicy.invite(actor, place)) {
    if (!structurePolicy.readPrivate(actor, place)) throw new AppError('not_found', 'Structure introuvable.');
    throw new AppError('forbidden', 'Seule la direction de la structure gère les invitations.');
  }
  return place;
}

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'revoked';

/** The state of one invitation at a moment. */
export function invitationState(i: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date }, now: Date): InvitationState {
  if (i.accepted_at) return 'accepted';
  if (i.revoked_at) return 'revoked';
  return new Date(i.expires_at) <= now ? 'expired' : 'pending';
}
