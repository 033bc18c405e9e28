import { z } from 'zod';
import type { DirectorStatus } from '../../../app/invitations/inviteDirectors';
import { organisations, territoryRoles } from '../../../domain/people';
import { meSchema } from '../auth/schema';

const code = z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.');

export const invitePersonBody = z.object({
  email: z.string().trim().max(254).email('Adresse e-mail invalide.'),
  role: z.enum(territoryRoles, { message: 'Rôle attendu : correspondent ou regional_coordinator.' }),
  organisation: z.enum(organisations, { message: 'Organisation attendue : caf ou federation.' }).nullable().default(null),
  departements: z.array(code).max(20, '20 départements au plus.').optional(),
  regionCode: code.optional(),
});

export const suspendBody = z.object({ suspended: z.boolean() });

export const territoryQuery = z.object({
  level: z.enum(['nation', 'region', 'departement']).default('departement'),
  code: code.optional(),
});

export const inviteDirectorsBody = z.object({
  /** Chosen structures; absent = every structure of the territory not invited yet. */
  structureIds: z.array(z.number().int().positive()).max(5000).optional(),
});

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

const directorStatuses = ['joined', 'invited', 'expired', 'not_invited', 'no_email'] as const satisfies readonly DirectorStatus[];

/** The structures of a territory and where their director's invitation stands. */
export const directorsResponse = z.array(z.object({
  id: z.number(), name: z.string(), email: z.string().nullable(), departementCode: z.string(), directors: z.string().nullable(),
  invitedEmail: z.string().nullable(), status: z.enum(directorStatuses),
}));

/** Directors invited (with their link when no mail server sends it) and structures left alone, with why. */
export const directorInvitationsResponse = z.object({
  invited: z.array(z.object({ structureId: z.number(), email: z.string(), link: z.string().optional() })),
  skipped: z.array(z.object({ structureId: z.number(), name: z.string(), reason: z.enum(directorStatuses) })),
});
