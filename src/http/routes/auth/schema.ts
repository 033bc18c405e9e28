import { z } from 'zod';

export const loginSchema = z.object({
  email: z.string().trim().max(254).email('Adresse e-mail invalide.'),
  password: z.string().min(1, 'Mot de passe requis.').max(1000),
});

export const meSchema = z.object({
  user: z.object({ id: z.number(), email: z.string(), name: z.string() }).nullable(),
  memberships: z.array(z.object({ role: z.string(), structureId: z.number().nullable().optional(), departementCode: z.string().nullable().optional(), regionCode: z.string().nullable().optional() })),
  csrfToken: z.string().optional(),
});
