import { townSizeBandOf } from '../aggregation/bands';
import type { AggregationRecord, StructureAttributes } from '../aggregation/record';

/**
 * Nearest-neighbour peer groups, in the manner of CIPFA's "nearest neighbours" of British councils: each
 * structure gets the k structures of its kind closest on a weighted distance of **public attributes only**
 * — the size of its commune (log scale, standardised), territory type, QPV status, urban renewal, management
 * mode, federation membership, family approval and département. The group is named, so it must never be
 * chosen on a confidential answer: a list of the structures "closest to my budget" publishes their budgets
 * (an attack measured on the first version: 60 % of incomes within ±5 %). The group is computed once per
 * campaign and frozen. Each neighbour comes with *why* it is close, in words.
 */

export const NEIGHBOURS_K = 15;

/** Weights of the distance: the kind of place counts most, then governance. */
export const neighbourWeights = { townSize: 3, territoryType: 2, qpv: 2, renewal: 1, management: 1, federation: 1, families: 1, departement: 1 } as const;

/** What the distance looks at for one structure: public directory attributes, nothing answered. */
export interface NeighbourFeatures {
  structureId: number;
  kind: StructureAttributes['kind'];
  territoryType: string;
  qpv: boolean;
  renewal: boolean;
  management: string;
  federation: boolean;
  families: boolean;
  departementCode: string;
  communePopulation: number;
}

/**
 * Features of a structure from its public attributes.
 * @example featuresOf(1, attributes).communePopulation // 513000
 */
export function featuresOf(structureId: number, a: StructureAttributes): NeighbourFeatures {
  return {
    structureId, kind: a.kind, territoryType: a.territoryType, qpv: a.qpvStatus !== 'none', renewal: a.npnruStage !== 'none',
    management: a.management, federation: a.federationMember, families: a.approvalKinds.includes('animation_collective_familles'),
    departementCode: a.departementCode, communePopulation: Math.max(1, a.communePopulation),
  };
}

export type Closeness = 'same' | 'different' | 'close' | 'comparable' | 'far' | 'unknown';

/** Why a neighbour is in the group, from public attributes. */
export interface NeighbourReasons {
  [k: string]: Closeness; kind: 'same'; townSize: Closeness; territoryType: Closeness; qpv: Closeness; renewal: Closeness;
  management: Closeness; federation: Closeness; departement: Closeness;
}

export interface Neighbour { structureId: number; rank: number; distance: number; reasons: NeighbourReasons }

function spread(xs: number[]): number {
  if (xs.length < 2) return 1;
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  return sd > 0 ? sd : 1;
}

/** Same town-size band: close; one factor 5 apart: comparable; else far. */
const townCloseness = (a: number, b: number): Closeness =>
  townSizeBandOf(a) === townSizeBandOf(b) ? 'close' : Math.abs(Math.log(a) - Math.log(b)) < Math.log(5) ? 'comparable' : 'far';

/**
 * The k nearest structures of the same kind, nearest first (ties broken by id, so the group is stable).
 * @example nearestNeighbours(target, candidates, 15).map((n) => n.structureId)
 */
export function nearestNeighbours(target: NeighbourFeatures, candidates: readonly NeighbourFeatures[], k = NEIGHBOURS_K): Neighbour[] {
  const pool = candidates.filter((c) => c.kind === target.kind && c.structureId !== target.structureId);
  const sd = spread(pool.map((c) => Math.log(c.communePopulation)));
  const w = neighbourWeights;
  const differs = (x: boolean) => Number(x);
  const scored = pool.map((c) => {
    const d = w.townSize * Math.abs(Math.log(target.communePopulation) - Math.log(c.communePopulation)) / sd
      + w.territoryType * differs(c.territoryType !== target.territoryType) + w.qpv * differs(c.qpv !== target.qpv)
      + w.renewal * differs(c.renewal !== target.renewal) + w.management * differs(c.management !== target.management)
      + w.federation * differs(c.federation !== target.federation) + w.families * differs(c.families !== target.families)
      + w.departement * differs(c.departementCode !== target.departementCode);
    return { c, d };
  }).sort((a, b) => a.d - b.d || a.c.structureId - b.c.structureId).slice(0, k);
  const same = (x: boolean): Closeness => (x ? 'same' : 'different');
  return scored.map(({ c, d }, i) => ({
    structureId: c.structureId, rank: i + 1, distance: Math.round(d * 1e6) / 1e6,
    reasons: {
      kind: 'same', townSize: townCloseness(target.communePopulation, c.communePopulation),
      territoryType: same(c.territoryType === target.territoryType), qpv: same(c.qpv === target.qpv),
      renewal: same(c.renewal === target.renewal), management: same(c.management === target.management),
      federation: same(c.federation === target.federation), departement: same(c.departementCode === target.departementCode),
    },
  }));
}

/**
 * Features of every record of a population.
 * @example candidatesOf(records).length === records.length
 */
export function candidatesOf(records: readonly AggregationRecord[]): NeighbourFeatures[] {
  return records.map((r) => featuresOf(r.structureId, r.attributes));
}
