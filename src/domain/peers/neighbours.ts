import { budgetBandOf } from '../aggregation/bands';
import type { AggregationRecord, StructureAttributes } from '../aggregation/record';
import { staffFunctions } from '../indicators';

/**
 * Nearest-neighbour peer groups, in the manner of CIPFA's "nearest neighbours" of British councils: each
 * structure gets the k structures of its kind closest on a weighted distance of size (budget and staff in
 * FTE, on the log scale, standardised), territory type, QPV status, management mode and budget band. The
 * group is computed once per campaign and frozen. Each neighbour comes with *why* it is close, in words
 * that never give its values (same/different, close/comparable/far).
 */

export const NEIGHBOURS_K = 15;

/** Weights of the distance: size counts most, then the kind of territory and governance. */
export const neighbourWeights = { budget: 3, fte: 3, territoryType: 1, qpv: 1, management: 1, budgetBand: 1 } as const;

const fteCodes = staffFunctions.map(([f]) => `rh.etp.${f}`);

/** What the distance looks at for one structure. */
export interface NeighbourFeatures {
  structureId: number;
  kind: StructureAttributes['kind'];
  territoryType: string;
  qpv: boolean;
  management: string;
  budget: number | null;
  fte: number | null;
}

/**
 * Features of a structure from its attributes and answers.
 * @example featuresOf(record).fte // total FTE, or null if not answered
 */
export function featuresOf(structureId: number, attributes: StructureAttributes, values: Readonly<Record<string, unknown>>): NeighbourFeatures {
  let fte: number | null = null;
  for (const c of fteCodes) { const v = values[c]; if (typeof v === 'number' && Number.isFinite(v)) fte = (fte ?? 0) + v; }
  const b = values['finances.produits'];
  return {
    structureId, kind: attributes.kind, territoryType: attributes.territoryType, qpv: attributes.qpvStatus !== 'none',
    management: attributes.management, budget: typeof b === 'number' && b > 0 ? b : null, fte: fte !== null && fte > 0 ? fte : null,
  };
}

export type Closeness = 'same' | 'different' | 'close' | 'comparable' | 'far' | 'unknown';

/** Why a neighbour is in the group, without its values. */
export interface NeighbourReasons { [k: string]: Closeness; kind: 'same'; size: Closeness; staff: Closeness; territoryType: Closeness; qpv: Closeness; management: Closeness; budgetBand: Closeness }

export interface Neighbour { structureId: number; rank: number; distance: number; reasons: NeighbourReasons }

function spread(xs: number[]): number {
  if (xs.length < 2) return 1;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return sd > 0 ? sd : 1;
}

/** close: within a factor 1.5 (log distance < 0.405); comparable: within a factor 3. */
const sizeCloseness = (a: number | null, b: number | null): Closeness => {
  if (a === null || b === null) return 'unknown';
  const d = Math.abs(Math.log(a) - Math.log(b));
  return d < Math.log(1.5) ? 'close' : d < Math.log(3) ? 'comparable' : 'far';
};

/**
 * The k nearest structures of the same kind, nearest first (ties broken by id, so the group is stable).
 * A missing size on either side counts as one standard deviation apart.
 * @example nearestNeighbours(target, candidates, 15).map((n) => n.structureId)
 */
export function nearestNeighbours(target: NeighbourFeatures, candidates: readonly NeighbourFeatures[], k = NEIGHBOURS_K): Neighbour[] {
  const pool = candidates.filter((c) => c.kind === target.kind && c.structureId !== target.structureId);
  const logB = pool.flatMap((c) => (c.budget === null ? [] : [Math.log(c.budget)]));
  const logF = pool.flatMap((c) => (c.fte === null ? [] : [Math.log(c.fte)]));
  const sdB = spread(logB), sdF = spread(logF);
  const w = neighbourWeights;
  const sizeTerm = (a: number | null, b: number | null, sd: number) => (a === null || b === null ? 1 : Math.abs(Math.log(a) - Math.log(b)) / sd);
  const targetBand = budgetBandOf(target.budget);
  const scored = pool.map((c) => {
    const band = budgetBandOf(c.budget);
    const d = w.budget * sizeTerm(target.budget, c.budget, sdB) + w.fte * sizeTerm(target.fte, c.fte, sdF)
      + w.territoryType * Number(c.territoryType !== target.territoryType) + w.qpv * Number(c.qpv !== target.qpv)
      + w.management * Number(c.management !== target.management) + w.budgetBand * Number(band !== targetBand || band === 'unknown');
    return { c, d, band };
  }).sort((a, b) => a.d - b.d || a.c.structureId - b.c.structureId).slice(0, k);
  const same = (x: boolean): Closeness => (x ? 'same' : 'different');
  return scored.map(({ c, d, band }, i) => ({
    structureId: c.structureId, rank: i + 1, distance: Math.round(d * 1e6) / 1e6,
    reasons: {
      kind: 'same', size: sizeCloseness(target.budget, c.budget), staff: sizeCloseness(target.fte, c.fte),
      territoryType: same(c.territoryType === target.territoryType), qpv: same(c.qpv === target.qpv),
      management: same(c.management === target.management),
      budgetBand: band === 'unknown' || targetBand === 'unknown' ? 'unknown' : same(band === targetBand),
    },
  }));
}

/**
 * Features of every record of a population.
 * @example candidatesOf(records).length === records.length
 */
export function candidatesOf(records: readonly AggregationRecord[]): NeighbourFeatures[] {
  return records.map((r) => featuresOf(r.structureId, r.attributes, r.values));
}
