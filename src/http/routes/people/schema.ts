import { z } from 'zod';
import { organisations, territoryRoles } from '../../../domain/people';

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
