import { z } from 'zod';
import { positions } from '../../../app/stats/structurePosition';
import { filterDimensions, filterValues, publishedStats, territoryLevels, type Filter, type FilterDimension } from '../../../domain/disclosure';
import { units } from '../../../domain/indicators';
import { responseStates } from '../../../domain/responseState';

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

const unitSchema = z.enum(units);
const ownValue = z.union([z.number(), z.boolean()]).nullable();
const indicatorHead = z.object({ code: z.string(), label: z.string(), unit: unitSchema });

/** A structure among its peers: own values, the group's published quartiles, its position and the evolution. */
export const positionResponse = z.object({
  structureId: z.number(), year: z.number(), ownState: z.enum(responseStates).nullable(),
  peers: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('neighbours'),
      neighbours: z.array(z.object({ id: z.number(), name: z.string(), commune: z.string(), rank: z.number(), reasons: z.record(z.string(), z.string()) })),
    }),
    z.object({ kind: z.literal('distance'), km: z.number() }),
    z.object({ kind: z.literal('filters'), filters: z.array(z.object({ dimension: z.enum(filterDimensions), value: z.string() })), scope: z.enum(['nation', 'region', 'departement']) }),
  ]).and(z.object({ size: z.number().nullable(), published: z.boolean() })),
  indicators: z.array(indicatorHead.extend({ value: ownValue, group: z.record(z.string(), cell), position: z.enum(positions).nullable() })),
  evolution: z.array(z.object({
    code: z.string(),
    years: z.array(z.object({ year: z.number(), value: ownValue, group: cell, q1: cell.optional(), q3: cell.optional() })),
  })),
});

/** Names and values side by side between structures that both consented. */
export const namedComparisonResponse = z.object({
  year: z.number(), indicators: z.array(indicatorHead),
  structures: z.array(z.object({
    id: z.number(), name: z.string(), commune: z.string(), self: z.boolean(), validated: z.boolean(),
    values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]).nullable()),
  })),
});

const consentState = z.enum(['pending', 'accepted', 'refused', 'withdrawn']);

/** Requests made and received, the ledger about them, and the nearby structures one may ask. */
export const consentListResponse = z.object({
  requests: z.array(z.object({
    id: z.number(), requester_id: z.number(), requester_name: z.string(), target_id: z.number(), target_name: z.string(), state: consentState,
    created_at: z.string(), decided_at: z.string().nullable(), withdrawn_at: z.string().nullable(),
  })),
  ledger: z.array(z.object({
    id: z.number(), request_id: z.number(), structure_id: z.number(), action: z.enum(['request', 'grant', 'refuse', 'withdraw']), at: z.string(), actor_name: z.string().nullable(),
  })),
  candidates: z.array(z.object({ id: z.number(), km: z.number().nullable(), neighbour: z.boolean(), name: z.string(), commune: z.string(), kind: z.string() })),
});

/** The requests just made, one per target. */
export const consentRequestResponse = z.object({ items: z.array(z.object({ id: z.number(), requesterId: z.number(), targetId: z.number(), state: consentState })) });

/** A request after a decision or a withdrawal. */
export const consentDecisionResponse = z.object({ id: z.number(), state: consentState });
