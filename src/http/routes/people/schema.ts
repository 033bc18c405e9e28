import { z } from 'zod';
import { organisations, territoryRoles } from '../../../domain/people';
import { meSchema } from '../auth/schema';

/** A région or département code. */
export const territoryCode = z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.');

export const invitePersonBody = z.object({
  email: z.string().trim().max(254).email('Adresse e-mail invalide.'),
  role: z.enum(territoryRoles, { message: 'Rôle attendu : correspondent ou regional_coordinator.' }),
  organisation: z.enum(organisations, { message: 'Organisation attendue : caf ou federation.' }).nullable().default(null),
  departements: z.array(territoryCode).max(20, '20 départements au plus.').optional(),
  regionCode: territoryCode.optional(),
});

export const suspendBody = z.object({ suspended: z.boolean() });

/** One of a person's roles, as the session describes it (auth's `meSchema`). */
const membership = meSchema.shape.memberships.element;
const territoryGrant = z.object({
  role: z.enum(territoryRoles), organisation: z.enum(organisations).nullable(),
  departements: z.array(z.string()).optional(), regionCode: z.string().optional(),
});

/** The territory people the actor manages (with their roles) and the territory invitations still pending. */
export const peopleResponse = z.object({
  people: z.array(z.object({ id: z.number(), name: z.string(), email: z.string(), disabled: z.boolean(), memberships: z.array(membership), manageable: z.boolean() })),
  pending: z.array(z.object({ id: z.number(), email: z.string(), label: z.string(), expiresAt: z.string(), expired: z.boolean() })),
});

/** A territory invitation made; the secret link comes back only when no mail server sends it. */
export const personInvitationResponse = z.object({
  id: z.number(), email: z.string(), grant: territoryGrant, label: z.string(), expiresAt: z.string(), sent: z.boolean(), link: z.string().optional(),
});

/** A person suspended or reactivated; `changed` is false when they already were. */
export const suspensionResponse = z.object({ id: z.number(), suspended: z.boolean(), changed: z.boolean() });

/** A person removed: their account closed, a pseudonym in their place. */
export const removalResponse = z.object({ id: z.number(), pseudonym: z.string() });
