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

/** A declared partner of a structure. */
export const partnerView = z.object({ id: z.number(), structureId: z.number(), kind, name: z.string(), siret: z.string().nullable(), themes: z.array(theme) });

/** A structure's consent to share its partners with the network. */
export const partnerSharingView = z.object({ shared: z.boolean(), decidedAt: z.string().nullable(), decidedBy: z.string().nullable() });

/** A structure's declared partners, its sharing consent and what the asking person may do (private). */
export const structurePartnersResponse = z.object({
  structureId: z.number(), partners: z.array(partnerView), sharing: partnerSharingView,
  can: z.object({ edit: z.boolean(), share: z.boolean() }),
});

/** Sharing structures with matching partners, nearest first (at most 100 items; `total` counts them all). */
export const partnerSearchResponse = z.object({
  origin: z.object({ id: z.number(), name: z.string() }).nullable(),
  total: z.number(),
  items: z.array(z.object({
    structure: z.object({ id: z.number(), name: z.string(), kind: z.enum(['CS', 'EVS']), commune: z.string(), departementCode: z.string(), distanceKm: z.number().nullable() }),
    partners: z.array(partnerView.omit({ structureId: true })),
  })),
});

/** A département's partnership network: nodes, links, the table equivalent and the number of sharing structures. */
export const partnerNetworkResponse = z.object({
  territory: z.object({ level: z.literal('departement'), code: z.string(), name: z.string() }),
  nodes: z.array(z.object({ id: z.string(), kind: z.enum(['structure', 'partner']), label: z.string(), category: z.string(), degree: z.number() })),
  links: z.array(z.object({ source: z.string(), target: z.string(), themes: z.array(theme) })),
  partners: z.array(z.object({
    id: z.string(), name: z.string(), kind, kindLabel: z.string(), siret: z.string().nullable(),
    structures: z.array(z.object({ id: z.number(), name: z.string() })), themes: z.array(theme),
  })),
  structures: z.number(),
});
