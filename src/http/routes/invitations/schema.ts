import { z } from 'zod';
import { invitableRoles } from '../../../app/inviteMember';

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
