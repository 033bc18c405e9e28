import { z } from 'zod';
import { roles } from '../../../domain/roles';
import { email, newPassword } from '../auth/schema';

export const accountBody = z.object({
  name: z.string().trim().min(1, 'Indiquez votre nom.').max(200, 'Nom trop long.'),
  email,
  currentPassword: z.string().max(1000).optional(),
});
export const passwordBody = z.object({
  current: z.string().min(1, 'Donnez votre mot de passe actuel.').max(1000),
  password: newPassword,
});

/** The signed-in person's account: name, address and how many of their sessions are open. */
export const accountResponse = z.object({ name: z.string(), email: z.string(), sessions: z.number() });
/** The name and address as saved (trimmed, the address in lower case). */
export const accountUpdateResponse = z.object({ name: z.string(), email: z.string() });
/** How many other sessions were closed. */
export const endOthersResponse = z.object({ ended: z.number() });

export const personalDataQuery = z.object({ format: z.enum(['json', 'csv'], 'Format attendu : json ou csv.').default('json') }).strict();
const at = z.string();
/** The person's own data in JSON (the CSV carries the same sections): profile, roles, what they wrote, invitations, sessions, their actions. */
export const personalDataResponse = z.object({
  exportedAt: at,
  sections: z.object({
    profil: z.array(z.object({ identifiant: z.number(), nom: z.string(), courriel: z.string(), cree_le: at })),
    roles: z.array(z.object({
      role: z.enum(roles), organisation: z.string().nullable(), structure_id: z.number().nullable(), structure: z.string().nullable(),
      departement: z.string().nullable(), region: z.string().nullable(), depuis: at,
    })),
    reponses: z.array(z.object({ reponse_id: z.number(), structure: z.string(), campagne: z.number(), question: z.string(), valeur: z.unknown(), version: z.number(), modifiee_le: at })),
    versions: z.array(z.object({ reponse_id: z.number(), question: z.string(), valeur: z.unknown(), version: z.number(), nature: z.string(), le: at })),
    commentaires: z.array(z.object({ reponse_id: z.number(), question: z.string(), nature: z.string(), texte: z.string(), le: at })),
    messages: z.array(z.object({ reponse_id: z.number(), question: z.string(), nature: z.string(), texte: z.string(), le: at })),
    invitations: z.array(z.object({ structure: z.string(), role: z.enum(roles), creee_le: at, expire_le: at, acceptee_le: at.nullable(), revoquee_le: at.nullable() })),
    sessions: z.array(z.object({ ouverte_le: at, expire_le: at })),
    journal: z.array(z.object({ le: at, action: z.string(), objet: z.string(), objet_id: z.string() })),
  }),
});
