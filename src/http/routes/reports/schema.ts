import { z } from 'zod';

const year = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');

export const plaquetteQuery = z.object({
  level: z.enum(['nation', 'region', 'departement'], 'Niveau attendu : nation, region ou departement.'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
  year,
});
