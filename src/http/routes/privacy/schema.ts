import { z } from 'zod';
import { roles } from '../../../domain/roles';

export const personalDataQuery = z.object({ format: z.enum(['json', 'csv'], 'Format attendu : json ou csv.').default('json') }).strict();
export const directionBody = z.object({
  successorId: z.number().int().positive('Choisissez la personne qui reprend la direction.'),
  /** The departing director leaves the structure instead of staying in its team. */
  leave: z.boolean().default(false),
}).strict();
export const removalResponse = z.object({ id: z.number(), pseudonym: z.string() });

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

/** The direction handed over: the successor, and the directors who stepped down. */
export const directionResponse = z.object({ structureId: z.number(), directorId: z.number(), departing: z.array(z.number()) });
