/**
 * The concordance report of an external data set with the observatory, for one year. Pure.
 * - structure level: for each compared indicator, the matched structures whose two values differ beyond
 *   the tolerance (both the absolute and the relative threshold exceeded) — only structures the reader
 *   may see individually (`canSee`: their territory's correspondents, the nation's admins);
 * - territory level: the external total and the observatory total of each indicator for the nation, the
 *   régions and the départements, BOTH published through the disclosure gate as one fixed table each, and
 *   their difference computed from the two published cells only (like a year-over-year change);
 * - unmatched rows on both sides (external rows without a trusted structure; structures that answered
 *   but are absent from the file), the observatory side limited to what the reader may see;
 * - Pearson and Spearman correlation per indicator, over the pairs the reader may see.
 */
import type { AggregationRecord } from '../aggregation/record';
import { publish, publishedChange, type PublishedCell, type PublishedFigure, type Territory } from '../disclosure';
import { pearson, spearman } from '../stats';
import { derivedTotals, observedValue, type ComparableIndicator } from './indicators';
import { trustedMethods, type ExternalValue, type MatchMethod } from './types';

export interface Tolerance { absolute: number; relative: number }
export const defaultTolerance: Tolerance = { absolute: 1, relative: 0.1 };

export interface ExternalRowForReport {
  line: number; siret: string | null; name: string; commune: string;
  structureId: number | null; method: MatchMethod; values: Readonly<Record<string, ExternalValue>>;
}
export interface StructureForReport { id: number; name: string; departementCode: string; regionCode: string }

export interface ConcordanceInput {
  /** Number columns compared: the data set's field and the observatory indicator. */
  compared: readonly { field: string; indicator: ComparableIndicator }[];
  rows: readonly ExternalRowForReport[];
  /** Structures with a response this year (working view: every begun response), with their answers. */
  observed: readonly { structure: StructureForReport; answers: Readonly<Record<string, unknown>> }[];
  /**
   * The campaign's release table (the one fixed table of every exact public number): the observatory side
   * of the territory totals is read from it, never computed apart, so a total here and its parts on the
   * dashboard are protected together. Empty when the year has no release.
   */
  publishedTable: readonly PublishedFigure[];
  /** Aggregation records (attributes and cell key, no values) of the structures the rows are matched to. */
  matchedRecords: ReadonlyMap<number, AggregationRecord>;
  tolerance?: Tolerance;
  /** May the reader see this structure's individual values? */
  canSee: (s: StructureForReport) => boolean;
}

export interface StructureDifference {
  structureId: number; name: string; departementCode: string; line: number;
  indicator: string; external: number; observed: number; absolute: number; relative: number | null;
}
export interface AggregateDifference {
  indicator: string; territory: Territory; external: PublishedCell; observatory: PublishedCell;
  difference: { absolute: number; relative: number | null } | null;
}
export interface IndicatorConcordance {
  field: string; indicator: string; label: string; pairs: number; beyondTolerance: number;
  pearson: number | null; spearman: number | null;
}
export interface ConcordanceReport {
  tolerance: Tolerance;
  indicators: IndicatorConcordance[];
  differences: StructureDifference[];
  aggregates: AggregateDifference[];
  unmatched: {
    external: { line: number; siret: string | null; name: string; commune: string; method: MatchMethod }[];
    observatory: { structureId: number; name: string; departementCode: string }[];
  };
  /** Matched structures outside what the reader may see individually (counted, never listed). */
  hiddenStructures: number;
}

/**
 * Is a difference beyond tolerance? Both thresholds must be exceeded: one headcount on a small centre is
 * not news, nor is 3 % of a large one.
 * @example beyondTolerance(14, 12, { absolute: 1, relative: 0.1 }) // true
 */
export function beyondTolerance(external: number, observed: number, t: Tolerance): boolean {
  const abs = Math.abs(external - observed);
  const rel = observed === 0 ? (abs === 0 ? 0 : Infinity) : abs / Math.abs(observed);
  return abs > t.absolute + 1e-9 && rel > t.relative + 1e-9;
}

const num = (v: ExternalValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Builds the report.
 * @example concordanceReport({ compared, rows, observed, published, matchedRecords, canSee: () => true }).indicators[0].pearson
 */
export function concordanceReport(input: ConcordanceInput): ConcordanceReport {
  const tolerance = input.tolerance ?? defaultTolerance;
  const trusted = input.rows.filter((r) => r.structureId !== null && trustedMethods.includes(r.method));
  const rowOf = new Map(trusted.map((r) => [r.structureId!, r]));
  const observedOf = new Map(input.observed.map((o) => [o.structure.id, o]));

  const indicators: IndicatorConcordance[] = [];
  const differences: StructureDifference[] = [];
  const hidden = new Set<number>();
  for (const { field, indicator } of input.compared) {
    const xs: number[] = [], ys: number[] = [];
    let beyond = 0;
    for (const row of trusted) {
      const o = observedOf.get(row.structureId!);
      if (!o) continue;
      if (!input.canSee(o.structure)) { hidden.add(o.structure.id); continue; }
      const e = num(row.values[field]);
      const v = observedValue(o.answers, indicator.code);
      if (e === null || v === null) continue;
      xs.push(e); ys.push(v);
      if (beyondTolerance(e, v, tolerance)) {
        beyond++;
        differences.push({
          structureId: o.structure.id, name: o.structure.name, departementCode: o.structure.departementCode, line: row.line,
          indicator: indicator.code, external: e, observed: v, absolute: Math.round((e - v) * 1e6) / 1e6, relative: v === 0 ? null : (e - v) / Math.abs(v),
        });
      }
    }
    indicators.push({ field, indicator: indicator.code, label: indicator.label, pairs: xs.length, beyondTolerance: beyond, pearson: pearson(xs, ys), spearman: spearman(xs, ys) });
  }
  differences.sort((a, b) => a.indicator.localeCompare(b.indicator) || Math.abs(b.absolute) - Math.abs(a.absolute) || a.structureId - b.structureId);

  return {
    tolerance, indicators, differences,
    aggregates: aggregateDifferences(input, trusted),
    unmatched: {
      external: input.rows.filter((r) => !(r.structureId !== null && trustedMethods.includes(r.method)))
        .map((r) => ({ line: r.line, siret: r.siret, name: r.name, commune: r.commune, method: r.method })),
      observatory: input.observed.filter((o) => !rowOf.has(o.structure.id) && input.canSee(o.structure))
        .map((o) => ({ structureId: o.structure.id, name: o.structure.name, departementCode: o.structure.departementCode }))
        .sort((a, b) => a.departementCode.localeCompare(b.departementCode) || a.name.localeCompare(b.name)),
    },
    hiddenStructures: hidden.size,
  };
}

/** Both totals go through the gate as fixed tables (nation, régions, départements); the difference reads the published cells. */
function aggregateDifferences(input: ConcordanceInput, trusted: readonly ExternalRowForReport[]): AggregateDifference[] {
  if (input.compared.length === 0) return [];
  const specs = input.compared.map((c) => ({ code: c.indicator.code, unit: c.indicator.unit, aggregate: 'sum' as const, disclosure: c.indicator.disclosure }));
  const external: AggregationRecord[] = [];
  for (const row of trusted) {
    const record = input.matchedRecords.get(row.structureId!);
    if (!record) continue;
    const values: Record<string, number | null> = {};
    for (const c of input.compared) values[c.indicator.code] = num(row.values[c.field]);
    external.push({ ...record, values });
  }
  const request = { kind: 'fixed_table' as const, indicators: specs, levels: ['nation', 'region', 'departement'] as const, stats: ['sum'] };
  const ext = publish(external, request).figures;
  const obs = observatoryCells(input.publishedTable, input.compared.map((c) => c.indicator.code));
  const key = (f: { indicator: string; territory: Territory }) => `${f.indicator}|${f.territory.level}:${f.territory.code}`;
  const extOf = new Map(ext.map((f) => [key(f), f.cell]));
  const obsOf = new Map(obs.map((f) => [key(f), f.cell]));
  const territories = new Map<string, { indicator: string; territory: Territory }>();
  for (const f of [...obs, ...ext]) territories.set(key(f), { indicator: f.indicator, territory: f.territory });
  const noData: PublishedCell = { state: 'no_data' };
  const levelRank = { nation: 0, region: 1, departement: 2 } as Record<string, number>;
  return [...territories.entries()].map(([k, { indicator, territory }]) => {
    const e = extOf.get(k) ?? noData, o = obsOf.get(k) ?? noData;
    return { indicator, territory, external: e, observatory: o, difference: publishedChange(e, o) };
  }).sort((a, b) => a.indicator.localeCompare(b.indicator) || levelRank[a.territory.level] - levelRank[b.territory.level] || a.territory.code.localeCompare(b.territory.code));
}

/**
 * The observatory's territory totals of the compared indicators, read from the release table: a core
 * indicator's published sum, or a derived total (FTE, headcount) as the sum of its parts' published sums —
 * secret as soon as one part is. Σ over structures of Σ parts = Σ over parts of the published sums, so the
 * total adds nothing an attacker could not already add up.
 * @example observatoryCells(releaseTable, ['rh.etp.total'])[0].cell
 */
export function observatoryCells(table: readonly PublishedFigure[], codes: readonly string[]): { indicator: string; territory: Territory; cell: PublishedCell }[] {
  const sums = new Map<string, PublishedCell>();
  const territories = new Map<string, Territory>();
  for (const f of table) {
    if (f.stat !== 'sum' || f.column !== null) continue;
    const t = `${f.territory.level}:${f.territory.code}`;
    sums.set(`${f.indicator}|${t}`, f.cell);
    territories.set(t, f.territory);
  }
  const out: { indicator: string; territory: Territory; cell: PublishedCell }[] = [];
  for (const code of codes) {
    const parts = derivedTotals[code]?.parts ?? [code];
    for (const [t, territory] of territories) {
      let total = 0, n = 0;
      let cell: PublishedCell | null = null;
      for (const p of parts) {
        const c = sums.get(`${p}|${t}`);
        if (c?.state !== 'value') { cell = c && c.state === 'suppressed' ? c : { state: 'suppressed', rule: 'min_size' }; break; }
        total += c.value;
        n = Math.max(n, c.n);
      }
      out.push({ indicator: code, territory, cell: cell ?? { state: 'value', value: Math.round(total * 1e6) / 1e6, n } });
    }
  }
  return out;
}
