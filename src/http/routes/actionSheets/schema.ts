import { z } from 'zod';
import { actionSheetThemeCodes } from '../../../domain/actionSheets';

const text = (max: number) => z.string().trim().max(max, `Au plus ${max} caractères.`).default('');

/** The content of a fiche action, as written by the structure (the use cases take it through toActionSheetInput). */
export const actionSheetBody = z.object({
  title: z.string().trim().min(3, 'Le titre doit faire au moins 3 caractères.').max(160, 'Au plus 160 caractères pour le titre.'),
  themes: z.array(z.enum(actionSheetThemeCodes as [string, ...string[]], 'Thème inconnu.')).max(5, 'Au plus 5 thèmes.').default([])
    .transform((t) => [...new Set(t)]),
  keywords: z.array(z.string().trim().min(1, 'Mot-clé vide.').max(40, 'Au plus 40 caractères par mot-clé.')).max(12, 'Au plus 12 mots-clés.').default([]),
  summary: text(4000), audience: text(2000), partners: text(2000), resources: text(2000),
  resultsTerritory: text(3000), resultsCentre: text(3000), resultsInhabitants: text(3000), limits: text(3000), nextSteps: text(3000),
});

export const actionSheetListQuery = z.object({
  q: z.string().trim().max(100, 'Recherche trop longue (100 caractères au plus).').optional(),
  theme: z.enum(actionSheetThemeCodes as [string, ...string[]], 'Thème inconnu.').optional(),
  region: z.string().regex(/^\d{2}$/, 'Code région invalide.').optional(),
  departement: z.string().regex(/^(\d{2}|2A|2B|97\d)$/, 'Code département invalide.').optional(),
  structure: z.coerce.number().int('Identifiant de structure invalide.').min(1, 'Identifiant de structure invalide.').max(999_999_999, 'Identifiant de structure invalide.').optional(),
  drafts: z.enum(['0', '1', 'true', 'false'], 'drafts : 1 ou 0.').transform((v) => v === '1' || v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A fiche action as the API sends it: its content, its dates, and the structure's name and place. */
export const actionSheetView = z.object({
  id: z.number(), structureId: z.number(), state: z.enum(['draft', 'published']), title: z.string(), summary: z.string(),
  themes: z.array(z.string()), keywords: z.array(z.string()), audience: z.string(), partners: z.string(), resources: z.string(),
  resultsTerritory: z.string(), resultsCentre: z.string(), resultsInhabitants: z.string(), limits: z.string(), nextSteps: z.string(),
  createdAt: z.string(), updatedAt: z.string(), publishedAt: z.string().nullable(),
  structureName: z.string(), structureKind: z.enum(['CS', 'EVS']), departementCode: z.string(), regionCode: z.string(), communeName: z.string(),
});
const sheet = actionSheetView;
export const actionSheetListResponse = z.object({ items: z.array(sheet), total: z.number() });

/** The themes of fiches actions, each with its number of published fiches. */
export const actionSheetThemesResponse = z.object({
  items: z.array(z.object({ code: z.enum(actionSheetThemeCodes as [string, ...string[]]), label: z.string(), published: z.number() })), total: z.number(),
});

/** A fiche action just deleted. */
export const actionSheetDeletedResponse = z.object({ id: z.number(), deleted: z.literal(true) });
