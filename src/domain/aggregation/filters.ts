import { AppError } from '../errors';
import { managementModes, npnruStages, qpvStatuses, territoryTypes } from '../indicators';
import { budgetBandOf, budgetBands, townSizeBandOf, townSizeBands } from './bands';
import { approvalKinds, type StructureAttributes } from './record';

/**
 * The filter model: a filter is one dimension set to one of its fixed values. No ranges, no lists of
 * values, no negation: every extra degree of freedom multiplies the groups an attacker can difference.
 */
export const filterValues = {
  town_size: townSizeBands,
  budget: budgetBands,
  territory_type: territoryTypes,
  qpv: qpvStatuses,
  npnru: npnruStages,
  management: managementModes,
  approval: approvalKinds,
  kind: ['CS', 'EVS'],
  federation: ['member', 'non_member'],
} as const;

export type FilterDimension = keyof typeof filterValues;
export const filterDimensions = Object.keys(filterValues) as FilterDimension[];

/** One filter, its value narrowed to its dimension's values. */
export type Filter = { [D in FilterDimension]: { dimension: D; value: (typeof filterValues)[D][number] } }[FilterDimension];

/** Dimensions whose values partition any group (each structure has exactly one), usable as table columns. */
export const partitioningDimensions: readonly FilterDimension[] = filterDimensions.filter((d) => d !== 'approval');

/** At most this many filters at once, unless a policy lowers it. */
export const MAX_FILTERS = 3;

export const filterErrorReasons = ['not_a_list', 'not_a_filter', 'too_many_filters', 'unknown_dimension', 'unknown_value', 'duplicate_dimension'] as const;
export type FilterErrorReason = (typeof filterErrorReasons)[number];

/**
 * A refused filter set. It is a 400 `bad_request` for the HTTP layer; `reason` is the stable sub-code.
 * @example try { parseFilters(x) } catch (e) { if (e instanceof FilterError && e.reason === 'too_many_filters') … }
 */
export class FilterError extends AppError {
  constructor(readonly reason: FilterErrorReason, message: string) {
    super('bad_request', message, { reason });
    this.name = 'FilterError';
  }
}

/**
 * Validates filters from outside (JSON) and returns them in canonical order (dimension order above), so
 * that the same question asked in another order is the same group.
 * @example parseFilters([{ dimension: 'kind', value: 'CS' }, { dimension: 'town_size', value: 'lt_2k' }])
 *   // [{ dimension: 'town_size', value: 'lt_2k' }, { dimension: 'kind', value: 'CS' }]
 */
export function parseFilters(input: unknown, maxFilters = MAX_FILTERS): Filter[] {
  if (!Array.isArray(input)) throw new FilterError('not_a_list', 'Les filtres doivent être une liste.');
  if (input.length > maxFilters) {
    throw new FilterError('too_many_filters', `Au plus ${maxFilters} filtres à la fois (${input.length} demandés).`);
  }
  const seen = new Set<string>();
  const out: Filter[] = [];
  for (const item of input) {
    if (typeof item !== 'object' || item === null) throw new FilterError('not_a_filter', 'Chaque filtre a une dimension et une valeur.');
    const { dimension, value } = item as Record<string, unknown>;
    if (typeof dimension !== 'string' || !Object.hasOwn(filterValues, dimension)) {
      throw new FilterError('unknown_dimension', `Filtre inconnu : ${String(dimension)}.`);
    }
    const allowed = filterValues[dimension as FilterDimension] as readonly string[];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      throw new FilterError('unknown_value', `Valeur inconnue pour le filtre ${dimension} : ${String(value)}.`);
    }
    if (seen.has(dimension)) throw new FilterError('duplicate_dimension', `Le filtre ${dimension} est donné deux fois.`);
    seen.add(dimension);
    out.push({ dimension, value } as Filter);
  }
  return sortFilters(out);
}

/**
 * Filters in canonical order.
 * @example sortFilters([{ dimension: 'kind', value: 'CS' }, { dimension: 'qpv', value: 'inside' }])[0].dimension // 'qpv'
 */
export function sortFilters(filters: readonly Filter[]): Filter[] {
  return [...filters].sort((a, b) => filterDimensions.indexOf(a.dimension) - filterDimensions.indexOf(b.dimension));
}

/**
 * The values a structure takes on a dimension: one, except approvals (a centre may hold several).
 * @example dimensionValuesOf(attrs, 'town_size') // ['10k_50k']
 */
export function dimensionValuesOf(a: StructureAttributes, dimension: FilterDimension): readonly string[] {
  switch (dimension) {
    case 'town_size': return [townSizeBandOf(a.communePopulation)];
    case 'budget': return [budgetBandOf(a.budget)];
    case 'territory_type': return [a.territoryType];
    case 'qpv': return [a.qpvStatus];
    case 'npnru': return [a.npnruStage];
    case 'management': return [a.management];
    case 'approval': return a.approvalKinds;
    case 'kind': return [a.kind];
    case 'federation': return [a.federationMember ? 'member' : 'non_member'];
  }
}

/**
 * Whether a structure falls in every filter.
 * @example matchesFilters(attrs, [{ dimension: 'kind', value: 'CS' }]) // true for a centre social
 */
export function matchesFilters(a: StructureAttributes, filters: readonly Filter[]): boolean {
  return filters.every((f) => dimensionValuesOf(a, f.dimension).includes(f.value));
}

/**
 * A stable text key of a filter set, for maps and cell identifiers.
 * @example filtersKey([{ dimension: 'kind', value: 'CS' }]) // 'kind=CS'
 */
export function filtersKey(filters: readonly Filter[]): string {
  return sortFilters(filters).map((f) => `${f.dimension}=${f.value}`).join('&');
}
