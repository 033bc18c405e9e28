import type { listStructureInvitations } from '../../app/invitations/listStructureInvitations';

type ListedInvitation = Awaited<ReturnType<typeof listStructureInvitations>>['items'][number];

/**
 * One of a structure's invitations as its direction reads it: who was invited, by whom, its dates (ISO) and state.
 * @example presentInvitation(invitation) // { id: 4, email: 'a@b.fr', role: 'contributor', expiresAt: '2025-03-08T…', invitedByName: 'Camille', state: 'pending', … }
 */
export function presentInvitation(i: ListedInvitation) {
  return {
    id: i.id, email: i.email, role: i.role, createdAt: i.created_at.toISOString(), expiresAt: i.expires_at.toISOString(),
    acceptedAt: i.accepted_at?.toISOString() ?? null, revokedAt: i.revoked_at?.toISOString() ?? null,
    invitedByName: i.invited_by_name, acceptedByName: i.accepted_by_name, state: i.state,
  };
}
