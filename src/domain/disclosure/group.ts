import { contributionsOf, type Contribution, type IndicatorSpec } from '../aggregation/contributions';
import type { AggregationRecord } from '../aggregation/record';
import { AppError } from '../errors';
import type { PublishedCell } from './cell';
import { flexibleCells } from './flexibleCells';
import { defaultPolicy, type DisclosurePolicy } from './policy';
import type { IndicatorRef, Population } from './publish';
import { resolveIndicator } from './publish';
import { resolveStats, type Stat } from './stats';

/**
 * A peer group that is not a territory × filters cell: a structure's frozen nearest neighbours, or the
 * structures within a distance band of it. Members are structure ids; `related` lists the other groups
 * the same person can ask about (the other distance bands around the same structure), so that two nested
 * groups differing by a few structures are not both published.
 */
export interface GroupRequest {
  indicators: readonly IndicatorRef[];
  members: readonly number[];
  related?: readonly (readonly number[])[];
  stats?: readonly string[];
}

export interface GroupFigure { indicator: string; stat: Stat; cell: PublishedCell }

const byIdCache = new WeakMap<Population, Map<number, AggregationRecord>>();

function recordsById(population: Population): Map<number, AggregationRecord> {
  let m = byIdCache.get(population);
  if (!m) byIdCache.set(population, (m = new Map(population.index.records.map((r) => [r.structureId, r]))));
  return m;
}

/**
 * A group and a related one are nested and differ by 1 to minSize − 1 contributors: subtracting them
 * would reveal those few, so the group is suppressed ('complement').
 */
function breaksComplement(group: readonly Contribution[], related: readonly (readonly number[])[], byId: Map<number, AggregationRecord>, ind: IndicatorSpec, minSize: number): boolean {
  const inGroup = new Set(group.map((c) => c.structureId));
  for (const ids of related) {
    const other = contributionsOf(ids.map((id) => byId.get(id)).filter((r): r is AggregationRecord => r !== undefined), ind);
    let shared = 0;
    for (const c of other) if (inGroup.has(c.structureId)) shared++;
    const onlyOther = other.length - shared, onlyGroup = group.length - shared;
    const nested = onlyOther === 0 || onlyGroup === 0;
    const diff = onlyOther + onlyGroup;
    if (nested && diff > 0 && diff < minSize) return true;
  }
  return false;
}

/**
 * Publishes statistics of an arbitrary peer group through the same rules as flexible queries: the primary
 * rules (minimum size, dominance), the complement rule against the related groups, then the record-level
 * and cell-key perturbation. Members without a record (no published response) contribute nothing.
 * @example publishGroup(population, { indicators: ['finances.produits'], members: [12, 15, 40, …], stats: ['q1', 'median', 'q3'] })
 */
export function publishGroup(population: Population, request: GroupRequest, policy: DisclosurePolicy = defaultPolicy): GroupFigure[] {
  const indicators = request.indicators.map(resolveIndicator);
  if (indicators.length === 0) throw new AppError('bad_request', 'Aucun indicateur demandé.');
  const byId = recordsById(population);
  const records = [...new Set(request.members)].map((id) => byId.get(id)).filter((r): r is AggregationRecord => r !== undefined);
  const figures: GroupFigure[] = [];
  for (const ind of indicators) {
    const stats = resolveStats(ind, request.stats);
    const contributions = contributionsOf(records, ind);
    const cells = flexibleCells(contributions, ind, stats, policy, () => breaksComplement(contributions, request.related ?? [], byId, ind, policy.minSize));
    stats.forEach((stat, i) => figures.push({ indicator: ind.code, stat, cell: cells[i] }));
  }
  return figures;
}
