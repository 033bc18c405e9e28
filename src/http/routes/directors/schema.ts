import { z } from 'zod';
import type { DirectorStatus } from '../../../app/invitations/inviteDirectors';
import { territoryCode } from '../people/schema';

export const territoryQuery = z.object({
  level: z.enum(['nation', 'region', 'departement']).default('departement'),
  code: territoryCode.optional(),
});

export const inviteDirectorsBody = z.object({
  /** Chosen structures; absent = every structure of the territory not invited yet. */
  structureIds: z.array(z.number().int().positive()).max(5000).optional(),
});

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
