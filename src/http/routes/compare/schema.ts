import { z } from 'zod';
import { filterDimensions, filterValues, publishedStats, territoryLevels, type Filter, type FilterDimension } from '../../../domain/disclosure';

const year = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');
const indicatorCode = z.string().regex(/^[a-z_]+(\.[a-z0-9_]+)+$/, 'Code d’indicateur invalide.');
const MAX_FILTERS_MESSAGE = 'Au plus 3 filtres à la fois : retirez-en pour affiner autrement.';

/** One band filter: a dimension and one of its values. */
export const filterSchema = z.object({
  dimension: z.enum(filterDimensions as [FilterDimension, ...FilterDimension[]], 'Filtre inconnu.'),
  value: z.string().max(40),
}).refine((f) => (filterValues[f.dimension] as readonly string[]).includes(f.value), { message: 'Valeur inconnue pour ce filtre.', path: ['value'] })
  .transform((f) => f as Filter);

const filterList = z.array(filterSchema).max(3, MAX_FILTERS_MESSAGE)
  .refine((fs) => new Set(fs.map((f) => f.dimension)).size === fs.length, 'Chaque filtre ne peut être donné qu’une fois.');

/** Comma-separated list in a query string. */
const csv = (item: z.ZodString, max: number, what: string) => z.string().max(4000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(item).max(max, `Au plus ${max} ${what}.`));

export const dashboardQuery = z.object({
  year,
  level: z.enum(['nation', 'region', 'departement']).default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
  view: z.enum(['published', 'working']).default('published'),
});

export const statsQueryBody = z.object({
  year: z.number().int().min(2000).max(2100),
  indicators: z.array(indicatorCode).min(1, 'Choisissez au moins un indicateur.').max(40, 'Au plus 40 indicateurs à la fois.'),
  level: z.enum(territoryLevels),
  territories: z.array(z.string().regex(/^[0-9A-Z]{1,9}$/, 'Code de territoire invalide.')).min(1).max(200).optional(),
  filters: filterList.default([]),
  stats: z.array(z.enum(publishedStats)).min(1).max(7).optional(),
});

/** `filters=kind:CS,town_size:10k_50k` in a query string. */
const filtersParam = z.string().max(400).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean).map((pair) => {
  const [dimension, value] = pair.split(':');
  return { dimension, value };
})).pipe(filterList);

export const positionQuery = z.object({
  year,
  indicators: csv(indicatorCode, 40, 'indicateurs').optional(),
  peers: z.enum(['neighbours', 'distance', 'filters']).default('neighbours'),
  km: z.coerce.number().refine((k) => [5, 10, 20, 50, 100].includes(k), 'Distance : 5, 10, 20, 50 ou 100 km.').optional(),
  filters: filtersParam.optional(),
  scope: z.enum(['nation', 'region', 'departement']).default('nation'),
});

export const namedComparisonQuery = z.object({ year, indicators: csv(indicatorCode, 40, 'indicateurs').optional() });

export const consentRequestBody = z.object({
  targetIds: z.array(z.number().int().positive().max(999_999_999)).min(1, 'Choisissez au moins une structure.').max(20, 'Au plus 20 structures à la fois.'),
});

const cell = z.union([
  z.object({ state: z.literal('value'), value: z.number(), n: z.number() }),
  z.object({ state: z.literal('suppressed'), rule: z.string() }),
  z.object({ state: z.literal('no_data') }),
]);
const territory = z.object({ level: z.string(), code: z.string() });
const change = z.object({ absolute: z.number(), relative: z.number().nullable() }).nullable();

/** The audited release a published figure comes from. */
const releaseRef = z.object({ number: z.number(), publishedAt: z.string(), note: z.string().nullable().optional() });

export const dashboardResponse = z.object({
  year: z.number(), view: z.enum(['published', 'working']), previousYear: z.number().nullable(), territory: territory.extend({ name: z.string() }),
  release: releaseRef.nullable(), previousRelease: z.object({ year: z.number(), number: z.number() }).nullable(),
  children: z.array(territory.extend({ name: z.string() })),
  /** Working view only: responses counted that are not validated yet, per `level:code`. */
  unvalidated: z.record(z.string(), z.number()).optional(),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string() })),
  figures: z.array(z.object({ indicator: z.string(), stat: z.string(), territory, cell, change })),
});
export const statsQueryResponse = z.object({
  year: z.number(), previousYear: z.number().nullable(), mode: z.string(), release: releaseRef,
  figures: z.array(z.object({ indicator: z.string(), stat: z.string(), territory, filters: z.array(z.object({ dimension: z.string(), value: z.string() })), cell, change })),
});
