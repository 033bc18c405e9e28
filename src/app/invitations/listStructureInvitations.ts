import type { Db } from '../../db/connection';
import { listInvitations } from '../../db/invitation.repo';
import type { Actor } from '../../domain/roles';
import { authorizeInvitations, invitationState } from './invitationAccess';

/**
 * The invitations of a structure, newest first, each with its state (pending ones first in the UI).
 * @example const { items } = await listStructureInvitations({ db, actor, structureId: 12 });
 */
export async function listStructureInvitations(p: { db: Db; actor: Actor; structureId: number; now?: Date }) {
  await authorizeInvitations(p.db, p.actor, p.structureId);
  const now = p.now ?? new Date();
  const items = (await listInvitations(p.db, p.structureId)).map((i) => ({ ...i, state: invitationState(i, now) }));
  return { items, total: items.length, pending: items.filter((i) => i.state === 'pending').length };
}
