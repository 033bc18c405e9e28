import { contributionValue, contributionsOf, isAggregatable, type IndicatorSpec } from '../aggregation/contributions';
import { filterDimensions, parseFilters, type Filter, type FilterDimension } from '../aggregation/filters';
import { groupRecords, indexByTerritory, territoriesOf, type TerritoryIndex, type TerritoryPlace } from '../aggregation/groups';
import type { AggregationRecord } from '../aggregation/record';
import { buildFixedTables, type RawTable } from '../aggregation/table';
import { isTerritoryLevel, type Territory, type TerritoryLevel } from '../aggregation/territory';
import { AppError } from '../errors';
import { coreIndicator } from '../indicators';
import { suppressedCell, valueCell, type PublishedCell } from './cell';
import { ComplementChecker } from './complement';
import { exactStats } from './exact';
import { flexibleCells } from './flexibleCells';
import { defaultPolicy, type DisclosurePolicy } from './policy';
import { primaryRule, quantileTooSmall } from './primary';
import { secondarySuppression, type SuppressionCell } from './secondary';
import { resolveStats, type Stat } from './stats';

/** An indicator by core code, or a full spec for a local question. */
export type IndicatorRef = string | IndicatorSpec;

/** A fixed table (plaquette, open data file, dashboard): exact values, primary + secondary suppression. */
export interface FixedTableRequest {
  kind: 'fixed_table';
  indicators: readonly IndicatorRef[];
  /** Nested levels, coarsest first, e.g. ['nation', 'region', 'departement']. */
  levels: readonly TerritoryLevel[];
  /** Optional band dimension broken down in columns (plus the total column). */
  column?: FilterDimension;
  stats?: readonly string[];
}

/** A flexible query (user-chosen filters): primary + complement rules, perturbed values. */
export interface FlexibleQueryRequest {
  kind: 'flexible_query';
  indicators: readonly IndicatorRef[];
  level: TerritoryLevel;
  /** Territory codes at that level; all territories with structures when omitted. */
  territories?: readonly string[];
  /** Untrusted input: validated here (bands only, at most policy.maxFilters). */
  filters?: unknown;
  stats?: readonly string[];
}

export type PublishRequest = FixedTableRequest | FlexibleQueryRequest;

/** One published figure: what it measures, where, and its cell. */
export interface PublishedFigure {
  indicator: string;
  stat: Stat;
  territory: Territory;
  /** Column value of a fixed table (null = total column or no breakdown). */
  column: string | null;
  filters: readonly Filter[];
  cell: PublishedCell;
}

export interface PublishedTable { mode: PublishRequest['kind']; figures: PublishedFigure[] }

/** A campaign's records, indexed once; pass the whole population, never a pre-filtered subset. */
export interface Population { readonly index: TerritoryIndex }

/**
 * Indexes a campaign's records for repeated publication (cache it per campaign).
 * Published populations take the directory's places as a frame (see `TerritoryPlace`).
 * @example const population = preparePopulation(records, await loadDirectoryPlaces(db));
 */
export function preparePopulation(records: readonly AggregationRecord[], frame: readonly TerritoryPlace[] = []): Population {
  return { index: indexByTerritory(records, frame) };
}

/**
 * The spec of an indicator reference; a 400 for an unknown or non-numeric one.
 * @example resolveIndicator('finances.produits').unit // 'euros'
 */
export function resolveIndicator(ref: IndicatorRef): IndicatorSpec {
  const ind = typeof ref === 'string' ? coreIndicator(ref) : ref;
  if (!ind) throw new AppError('bad_request', `Indicateur inconnu : « ${String(ref)} ».`);
  if (!isAggregatable(ind)) throw new AppError('bad_request', `L’indicateur ${ind.code} ne se résume pas en chiffres.`);
  return ind;
}

/**
 * THE disclosure gate: every published figure comes out of here. Aggregation, the primary rules
 * (min_size, dominance), then per mode either secondary suppression (fixed tables, exact values) or the
 * complement rule and cell-key perturbation (flexible queries). Routes, reports and exports call this and
 * nothing else; they never see individual contributions.
 * @example publish(population, { kind: 'fixed_table', indicators: ['finances.produits'], levels: ['nation', 'region', 'departement'] })
 * @example publish(population, { kind: 'flexible_query', indicators: ['actions.acces_droits.oui'], level: 'departement', filters: [{ dimension: 'town_size', value: '10k_50k' }] })
 */
export function publish(population: Population | readonly AggregationRecord[], request: PublishRequest, policy: DisclosurePolicy = defaultPolicy): PublishedTable {
  const index = 'index' in population ? population.index : indexByTerritory(population);
  const indicators = request.indicators.map(resolveIndicator);
  if (indicators.length === 0) throw new AppError('bad_request', 'Aucun indicateur demandé.');
  const figures = request.kind === 'fixed_table'
    ? publishFixed(index, indicators, request, policy)
    : publishFlexible(index, indicators, request, policy);
  return { mode: request.kind, figures };
}

/** Cells to hold back beyond the primary rules (a release's small changes since an earlier release). */
export type HeldBack = (table: RawTable, cell: number) => boolean;

/** @internal The fixed-table path of the gate, with the release's extra primary rule; use `publish` or `publishRelease`. */
export function publishFixed(index: TerritoryIndex, indicators: IndicatorSpec[], request: FixedTableRequest, policy: DisclosurePolicy, heldBack?: HeldBack): PublishedFigure[] {
  const { column, levels } = request;
  if (column !== undefined && !policy.fixedTableColumns.includes(column)) {
    throw new AppError('bad_request', policy.fixedTableColumns.length === 0
      ? `Les tableaux publiés ne se déclinent pas par tranche (« ${String(column)} ») : utilisez une requête filtrée.`
      : `Les tableaux publiés ne se déclinent pas selon « ${String(column)} » ; colonnes possibles : ${policy.fixedTableColumns.join(', ')}.`);
  }
  const outside = levels.filter((l) => !policy.fixedTableLevels.includes(l));
  if (outside.length > 0 || levels.length === 0) {
    throw new AppError('bad_request', `Les tableaux publiés portent sur les niveaux ${policy.fixedTableLevels.join(', ')} ; niveau refusé : ${outside.join(', ') || 'aucun niveau demandé'}.`);
  }
  // Every fixed table is cut from one stacked table (every level × total + every allowed breakdown),
  // suppressed once: the dashboard and a table by town size never disagree on a total, and the lines of all
  // layouts protect each other's cells (town size is a commune attribute: a commune's band cell *is* its total).
  const stacked = buildFixedTables(index, indicators, { levels: policy.fixedTableLevels, columns: policy.fixedTableColumns });
  const wanted = new Set<string>(levels);
  const figures: PublishedFigure[] = [];
  for (const table of stacked) {
    const ind = table.indicator;
    const stats = resolveStats(ind, request.stats);
    const { rules, suppression } = primaryPass(table, policy, heldBack);
    const status = secondarySuppression(suppression, table.lines, { protectionRatio: policy.protectionRatio, yesNo: ind.unit === 'yesno' });
    table.cells.forEach((c, i) => {
      if (!wanted.has(c.territory.level) || (c.filters.length > 0 && c.filters[0].dimension !== column)) return;
      const values = status[i] === 'published' ? exactStats(c.contributions, stats) : [];
      stats.forEach((stat, si) => {
        // An empty cell looks like a small one: "no data" against "secret" would say who answered.
        const cell: PublishedCell = status[i] === 'empty' ? suppressedCell('min_size')
          : status[i] === 'primary' ? suppressedCell(rules[i]!)
          : status[i] === 'secondary' ? suppressedCell('secondary')
          : quantileTooSmall(c.contributions.length, stat, policy) ? suppressedCell('min_size')
          : valueCell(values[si], c.contributions.length);
        figures.push({ indicator: ind.code, stat, territory: c.territory, column: c.column, filters: c.filters, cell });
      });
    });
  }
  return figures;
}

/** The primary rule of every cell of a fixed table, and the cells as secondary suppression sees them. */
function primaryPass(table: RawTable, policy: DisclosurePolicy, heldBack?: HeldBack) {
  const rules = table.cells.map((c, i) => (c.contributions.length === 0 ? null
    : primaryRule(c.contributions, table.indicator, policy) ?? (heldBack?.(table, i) ? 'release' as const : null)));
  const suppression: SuppressionCell[] = table.cells.map((c, i) => ({
    magnitude: c.contributions.reduce((s, x) => s + x.value, 0),
    n: c.contributions.length,
    status: c.contributions.length === 0 ? 'empty' : rules[i] ? 'primary' : 'published',
  }));
  return { rules, suppression };
}

function publishFlexible(index: TerritoryIndex, indicators: IndicatorSpec[], request: FlexibleQueryRequest, policy: DisclosurePolicy): PublishedFigure[] {
  if (!isTerritoryLevel(request.level)) throw new AppError('bad_request', `Niveau territorial inconnu : « ${String(request.level)} ».`);
  const filters = parseFilters(request.filters ?? [], policy.maxFilters);
  const confidential = filters.find((f) => policy.confidentialDimensions.includes(f.dimension));
  if (confidential) {
    throw new AppError('bad_request', `Le filtre « ${confidential.dimension} » est calculé à partir de réponses confidentielles : il n’est pas proposé dans les requêtes publiées.`, { reason: 'confidential_dimension' });
  }
  const territories = request.territories
    ? [...new Set(request.territories)].map((code) => ({ level: request.level, code }))
    : territoriesOf(index, request.level);
  const checker = new ComplementChecker(index, policy.minSize, policy.maxFilters, filterDimensions.filter((d) => !policy.confidentialDimensions.includes(d)));
  const figures: PublishedFigure[] = [];
  for (const territory of territories) {
    const records = groupRecords(index, territory, filters);
    for (const ind of indicators) {
      const stats = resolveStats(ind, request.stats);
      const contributions = contributionsOf(records, ind);
      const cells = flexibleCells(contributions, ind, stats, policy, () => policy.complementRule && checker.breaks(territory, filters, ind, records.filter((r) => contributionValue(r.values[ind.code], ind.unit) !== null)));
      stats.forEach((stat, i) => figures.push({ indicator: ind.code, stat, territory, column: null, filters, cell: cells[i] }));
    }
  }
  return figures;
}
