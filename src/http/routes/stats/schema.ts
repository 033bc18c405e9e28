import { z } from 'zod';
import { filterDimensions, filterValues, publishedStats, territoryLevels, type Filter, type FilterDimension } from '../../../domain/disclosure';

/** A year in a query string. */
export const yearParam = z.coerce.number().int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.');
const year = yearParam;
/** An indicator's code (`section.name`). */
export const indicatorCode = z.string().regex(/^[a-z_]+(\.[a-z0-9_]+)+$/, 'Code d’indicateur invalide.');
const MAX_FILTERS_MESSAGE = 'Au plus 3 filtres à la fois : retirez-en pour affiner autrement.';

/** One band filter: a dimension and one of its values. */
export const filterSchema = z.object({
  dimension: z.enum(filterDimensions as [FilterDimension, ...FilterDimension[]], 'Filtre inconnu.'),
  value: z.string().max(40),
}).refine((f) => (filterValues[f.dimension] as readonly string[]).includes(f.value), { message: 'Valeur inconnue pour ce filtre.', path: ['value'] })
  .transform((f) => f as Filter);

/** Up to 3 band filters, one per dimension. */
export const filterList = z.array(filterSchema).max(3, MAX_FILTERS_MESSAGE)
  .refine((fs) => new Set(fs.map((f) => f.dimension)).size === fs.length, 'Chaque filtre ne peut être donné qu’une fois.');

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

/** A figure as the disclosure gate publishes it: a value with its count, suppressed with its rule, or no data. */
export const publishedCell = z.union([
  z.object({ state: z.literal('value'), value: z.number(), n: z.number() }),
  z.object({ state: z.literal('suppressed'), rule: z.string() }),
  z.object({ state: z.literal('no_data') }),
]);
const cell = publishedCell;
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

/** A territory of a fixed table: the nation, a région or a département. */
export const territoryQuery = z.object({
  year: yearParam,
  level: z.enum(['nation', 'region', 'departement'], 'Niveau : nation, region ou departement.').default('nation'),
  code: z.string().regex(/^[0-9AB]{2,3}$/, 'Code de territoire invalide.').optional(),
});

export const territoryFiguresResponse = z.object({
  year: z.number(),
  territory: z.object({ level: z.string(), code: z.string(), name: z.string() }),
  children: z.array(z.object({ level: z.string(), code: z.string(), name: z.string() })),
  indicators: z.array(z.object({ code: z.string(), label: z.string(), unit: z.string() })),
  figures: z.array(z.object({ indicator: z.string(), stat: z.string(), territory: z.object({ level: z.string(), code: z.string() }), cell })),
});

/** A structure's cash difficulty signal: its state, the reasons and the answers missing to judge. */
export const cashSignal = z.object({
  state: z.enum(['difficulty', 'watch', 'ok', 'unknown']),
  reasons: z.array(z.object({ level: z.enum(['alert', 'watch']), code: z.string(), text: z.string() })),
  missing: z.array(z.string()),
});

/** The structures of a territory in cash difficulty or to watch, named with their reasons, for those who follow it. */
export const cashDifficultiesResponse = z.object({
  year: z.number(), territory: z.object({ level: z.enum(['nation', 'region', 'departement']), code: z.string(), name: z.string() }),
  validated: z.number(), difficulty: z.number(),
  items: z.array(cashSignal.extend({ structureId: z.number(), name: z.string(), departementCode: z.string(), responseId: z.number(), state: z.enum(['difficulty', 'watch']) })),
});

/** A région code. */
export const regionCode = z.string().regex(/^[0-9]{2}$/, 'Code de région invalide.');

export const departementMapQuery = z.object({
  year,
  indicator: z.string().regex(/^[a-z_]+(\.[a-z0-9_]+)+$/, 'Code d’indicateur invalide.'),
  stat: z.enum(publishedStats, 'Statistique inconnue.').optional(),
  region: regionCode.optional(),
});

export const departementMapResponse = z.object({
  year: z.number(), stat: z.string(),
  indicator: z.object({ code: z.string(), label: z.string(), unit: z.string() }),
  departements: z.array(z.object({ code: z.string(), name: z.string(), cell })),
});
