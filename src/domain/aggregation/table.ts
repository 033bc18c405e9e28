import { AppError } from '../errors';
import { contributionValue, type Contribution, type IndicatorSpec } from './contributions';
import { dimensionValuesOf, filterValues, partitioningDimensions, type Filter, type FilterDimension } from './filters';
import { parentTerritory, territoriesOf, type TerritoryIndex } from './groups';
import type { AggregationRecord } from './record';
import { territoryLevels, type Territory, type TerritoryLevel } from './territory';

/**
 * The layout of a fixed table: rows are the territories of a chain of nested levels (e.g. nation → region
 * → département), columns optionally one band dimension plus the total. Every cell of a parent row is the
 * sum of its children's cells, and every row total the sum of its columns: these are the "lines" secondary
 * suppression must protect.
 */
export interface FixedTableLayout {
  levels: readonly TerritoryLevel[];
  column?: FilterDimension;
  /**
   * Several band dimensions side by side after the total column (a "stacked" table: every fixed table of
   * these levels is a view of it, so one suppression pattern protects them all together). Overrides column.
   */
  columns?: readonly FilterDimension[];
}

/** One cell before disclosure control: never leaves the server. */
export interface RawCell { territory: Territory; column: string | null; filters: Filter[]; contributions: Contribution[] }

/** A linear relation of the table: cells[total] = Σ cells[parts]. */
export interface Line { total: number; parts: readonly number[] }

/** All cells of one indicator, with the relations between them. */
export interface RawTable { indicator: IndicatorSpec; cells: RawCell[]; lines: Line[] }

interface Row { territory: Territory; columns: AggregationRecord[][] }

/**
 * Rows, column groups and lines of a layout; shared by every indicator of the table.
 * @example layoutTable(index, { levels: ['nation', 'region'], column: 'kind' }).lines.length
 */
export function layoutTable(index: TerritoryIndex, layout: FixedTableLayout): { rows: Row[]; columns: (string | null)[]; dimensions: (FilterDimension | null)[]; lines: Line[] } {
  const { levels } = layout;
  const dims = layout.columns ?? (layout.column ? [layout.column] : []);
  const ranks = levels.map((l) => territoryLevels.indexOf(l));
  if (levels.length === 0 || ranks.some((r, i) => r < 0 || (i > 0 && r <= ranks[i - 1]))) {
    throw new AppError('bad_request', 'Les niveaux d’un tableau vont du plus large au plus fin, sans répétition.');
  }
  for (const column of dims) if (!partitioningDimensions.includes(column)) {
    throw new AppError('bad_request', `La dimension ${column} ne partage pas les structures et ne peut servir de colonnes.`);
  }
  // Column ci > 0 is band values[ci - 1] of dimension dimOf[ci - 1]; each dimension's bands are contiguous.
  const values: string[] = dims.flatMap((d) => [...(filterValues[d] as readonly string[])]);
  const dimOf: FilterDimension[] = dims.flatMap((d) => (filterValues[d] as readonly string[]).map(() => d));
  const firstOf = dims.map((d) => dimOf.indexOf(d));
  const columns: (string | null)[] = [null, ...values];
  const rows: Row[] = [];
  const rowOf = new Map<string, number>();
  for (const level of levels) {
    for (const t of territoriesOf(index, level)) {
      const records = index.byLevel.get(level)!.get(t.code)!;
      const byColumn = columns.map(() => [] as AggregationRecord[]);
      byColumn[0] = [...records];
      dims.forEach((d, di) => {
        const own = (filterValues[d] as readonly string[]);
        for (const r of records) byColumn[1 + firstOf[di] + own.indexOf(dimensionValuesOf(r.attributes, d)[0])].push(r);
      });
      rowOf.set(`${level}:${t.code}`, rows.length);
      rows.push({ territory: t, columns: byColumn });
    }
  }
  const nc = columns.length;
  const lines: Line[] = [];
  dims.forEach((d, di) => {
    const width = (filterValues[d] as readonly string[]).length;
    rows.forEach((_, ri) => lines.push({ total: ri * nc, parts: Array.from({ length: width }, (_, vi) => ri * nc + 1 + firstOf[di] + vi) }));
  });
  for (let i = 1; i < levels.length; i++) {
    const children = new Map<number, number[]>();
    for (const t of territoriesOf(index, levels[i])) {
      const parent = parentTerritory(index, t, levels[i - 1]);
      if (!parent) throw new AppError('bad_request', `Le territoire ${t.code} (${levels[i]}) n’est pas inclus dans un seul territoire ${levels[i - 1]}.`);
      const pr = rowOf.get(`${parent.level}:${parent.code}`)!;
      (children.get(pr) ?? children.set(pr, []).get(pr)!).push(rowOf.get(`${t.level}:${t.code}`)!);
    }
    for (const [pr, crs] of children) for (let c = 0; c < nc; c++) lines.push({ total: pr * nc + c, parts: crs.map((cr) => cr * nc + c) });
  }
  return { rows, columns, dimensions: [null, ...dimOf], lines };
}

/**
 * The raw tables of a fixed layout, one per indicator.
 * @example buildFixedTables(index, [produits], { levels: ['nation', 'region', 'departement'] })[0].cells.length
 */
export function buildFixedTables(index: TerritoryIndex, indicators: readonly IndicatorSpec[], layout: FixedTableLayout): RawTable[] {
  const { rows, columns, dimensions, lines } = layoutTable(index, layout);
  // Each record's contribution is read once per indicator and shared by every cell holding the record
  // (a structure sits in one cell per level and column): a national dashboard reads 4,000 answers, not 12,000.
  const position = new Map(index.records.map((r, i) => [r, i]));
  const rowPositions = rows.map((row) => row.columns.map((records) => records.map((r) => position.get(r)!)));
  const filters = columns.map((col, ci) => (col === null ? [] : [{ dimension: dimensions[ci]!, value: col } as Filter]));
  return indicators.map((indicator) => {
    const own = ownContributions(index, indicator);
    return {
      indicator,
      lines,
      cells: rows.flatMap((row, ri) => columns.map((col, ci) => {
        const contributions: Contribution[] = [];
        for (const p of rowPositions[ri][ci]) { const c = own[p]; if (c) contributions.push(c); }
        return { territory: row.territory, column: col, filters: filters[ci], contributions };
      })),
    };
  });
}

const ownCache = new WeakMap<TerritoryIndex, Map<string, readonly (Contribution | null)[]>>();

/**
 * Each record's contribution to one indicator, in the index's order, computed once per population and
 * indicator (a population is immutable once indexed; populations are cached per campaign, so repeated
 * tables skip reading thousands of answers again).
 * @example ownContributions(index, produits)[0] // { structureId, key, value } or null
 */
export function ownContributions(index: TerritoryIndex, indicator: IndicatorSpec): readonly (Contribution | null)[] {
  let perIndex = ownCache.get(index);
  if (!perIndex) ownCache.set(index, (perIndex = new Map()));
  const k = `${indicator.code}|${indicator.unit}`;
  let own = perIndex.get(k);
  if (!own) {
    own = index.records.map((r): Contribution | null => {
      const value = contributionValue(r.values[indicator.code], indicator.unit);
      return value === null ? null : { structureId: r.structureId, key: r.cellKey, value };
    });
    perIndex.set(k, own);
  }
  return own;
}
