import { z } from 'zod';
import { positions } from '../../../app/stats/structurePosition';
import { filterDimensions } from '../../../domain/disclosure';
import { units } from '../../../domain/indicators';
import { responseStates } from '../../../domain/responseState';
import { filterList, indicatorCode, publishedCell, yearParam } from '../stats/schema';

const year = yearParam;
const cell = publishedCell;

/** Comma-separated list in a query string. */
const csv = (item: z.ZodString, max: number, what: string) => z.string().max(4000)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(item).max(max, `Au plus ${max} ${what}.`));

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
