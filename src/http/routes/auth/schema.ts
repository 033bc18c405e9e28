import { z } from 'zod';
import { roles } from '../../../domain/roles';

/** An e-mail address as typed in a form (trimmed). */
export const email = z.string().trim().max(254).email('Adresse e-mail invalide.');
/** A password being chosen. */
export const newPassword = z.string().min(1, 'Choisissez un mot de passe.').max(1000, 'Mot de passe trop long.');

export const loginSchema = z.object({
  email: z.string().trim().max(254).email('Adresse e-mail invalide.'),
  password: z.string().min(1, 'Mot de passe requis.').max(1000),
});

export const meSchema = z.object({
  user: z.object({ id: z.number(), email: z.string(), name: z.string() }).nullable(),
  memberships: z.array(z.object({
    role: z.enum(roles), organisation: z.enum(['caf', 'federation']).nullable().optional(),
    structureId: z.number().nullable().optional(), departementCode: z.string().nullable().optional(), regionCode: z.string().nullable().optional(),
  })),
  csrfToken: z.string().optional(),
});

/** A login that succeeded: the session cookie is set, the CSRF token comes in the body. */
export const loginResponse = z.object({ ok: z.literal(true), csrfToken: z.string() });
/** A write that only says it was done. */
export const okResponse = z.object({ ok: z.literal(true) });

export const resetRequestBody = z.object({ email });
export const resetConfirmBody = z.object({
  token: z.string().max(200, 'Lien de réinitialisation invalide.'),
  password: newPassword,
});
/** A reset was asked: the same answer whether or not an account has this address. */
export const resetRequestResponse = z.object({ ok: z.literal(true), message: z.string() });
