import { z } from 'zod';
import type { InvitationState } from '../../../app/invitations/invitationAccess';
import { invitableRoles } from '../../../app/invitations/inviteMember';
import { roles } from '../../../domain/roles';

export const inviteBody = z.object({
  email: z.string().trim().max(254).email('Adresse e-mail invalide.'),
  role: z.enum(invitableRoles, { message: 'Rôle attendu : contributor (équipe) ou board_member (conseil d’administration).' }),
  days: z.number().int().min(1, 'Durée de validité : 1 jour au moins.').max(30, 'Durée de validité : 30 jours au plus.').optional(),
});

export const acceptBody = z.object({
  name: z.string().trim().max(200, 'Nom trop long (200 caractères au plus).').optional(),
  password: z.string().max(1000, 'Mot de passe trop long.').optional(),
});

export const invitationInfo = z.object({
  structure: z.object({ id: z.number(), name: z.string() }),
  role: z.string(), roleLabel: z.string(), email: z.string(), expiresAt: z.string(),
  account: z.enum(['signed_in', 'other_account', 'existing', 'none']),
});

const invitationStates = ['pending', 'accepted', 'expired', 'revoked'] as const satisfies readonly InvitationState[];

/** A structure's invitations, newest first, each with its state; how many are still pending. */
export const invitationListResponse = z.object({
  items: z.array(z.object({
    id: z.number(), email: z.string(), role: z.enum(roles), createdAt: z.string(), expiresAt: z.string(),
    acceptedAt: z.string().nullable(), revokedAt: z.string().nullable(), invitedByName: z.string(), acceptedByName: z.string().nullable(),
    state: z.enum(invitationStates),
  })),
  total: z.number(), pending: z.number(),
});

/** An invitation made; the secret link comes back only when no mail server sends it. */
export const invitationCreated = z.object({
  id: z.number(), email: z.string(), role: z.enum([...invitableRoles, 'director']), expiresAt: z.string(), sent: z.boolean(), link: z.string().optional(),
});

/** An invitation revoked: its link no longer works. */
export const invitationRevoked = z.object({ id: z.number(), state: z.literal('revoked') });

/** An invitation accepted: the structure joined (none for a territory role), and a CSRF token when a session was opened. */
export const invitationAccepted = z.object({
  structureId: z.number().nullable(), structureName: z.string(), role: z.enum(roles), created: z.boolean(), csrfToken: z.string().optional(),
});
