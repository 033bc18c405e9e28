import { z } from 'zod';
import { publishedStats } from '../../../domain/disclosure';

const year = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');
const regionCode = z.string().regex(/^[0-9]{2}$/, 'Code de région invalide.');

export const departementMapQuery = z.object({
  year,
  indicator: z.string().regex(/^[a-z_]+(\.[a-z0-9_]+)+$/, 'Code d’indicateur invalide.'),
  stat: z.enum(publishedStats, 'Statistique inconnue.').optional(),
  region: regionCode.optional(),
});

const cell = z.union([
  z.object({ state: z.literal('value'), value: z.number(), n: z.number() }),
  z.object({ state: z.literal('suppressed'), rule: z.string() }),
  z.object({ state: z.literal('no_data') }),
]);

export const departementMapResponse = z.object({
  year: z.number(), stat: z.string(),
  indicator: z.object({ code: z.string(), label: z.string(), unit: z.string() }),
  departements: z.array(z.object({ code: z.string(), name: z.string(), cell })),
});

export const structurePointsQuery = z.object({
  region: regionCode.optional(),
  departement: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de département invalide.').optional(),
  kind: z.enum(['CS', 'EVS'], 'Type de structure inconnu : CS ou EVS.').optional(),
});

export const structurePointsResponse = z.object({
  total: z.number(), withoutCoordinates: z.number(),
  items: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), lon: z.number(), lat: z.number(), commune_name: z.string(), departement_code: z.string() })),
});
