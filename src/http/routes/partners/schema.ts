import { z } from 'zod';
import { MAX_THEMES, partnerKindCodes, partnerThemeCodes } from '../../../domain/partners/partner';

const kind = z.enum(partnerKindCodes, 'Type de partenaire inconnu.');
const theme = z.enum(partnerThemeCodes, 'Thème inconnu.');

export const partnerBody = z.object({
  kind,
  name: z.string().max(200, 'Nom trop long (120 caractères au plus).'),
  siret: z.string().max(20, 'SIRET trop long.').nullable().optional(),
  themes: z.array(theme).max(MAX_THEMES, `Au plus ${MAX_THEMES} thèmes par partenaire.`).default([]),
});

export const sharingBody = z.object({ shared: z.boolean('Indiquez « shared » : true ou false.') });

export const searchQuery = z.object({
  kind: kind.optional(),
  theme: theme.optional(),
  q: z.string().max(80, 'Recherche trop longue (80 caractères au plus).').optional(),
  from: z.coerce.number().int('Structure de départ invalide.').positive('Structure de départ invalide.').max(999_999_999, 'Structure de départ invalide.').optional(),
  km: z.coerce.number().refine((k) => [5, 10, 20, 50, 100].includes(k), 'Distance : 5, 10, 20, 50 ou 100 km.').optional(),
});

export const networkQuery = z.object({
  departement: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de département invalide.'),
  kind: kind.optional(),
  theme: theme.optional(),
});
