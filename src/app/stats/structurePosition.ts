import type { Db } from '../../db/connection';
import { campaignYears, ownAnswersByYear } from '../../db/aggregation.repo';
import { getFrozenNeighboursOfYears, type NamedNeighbour } from '../../db/peerGroup.repo';
import { dashboardIndicators } from '../../domain/dashboardIndicators';
import type { PublishedCell } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import { coreIndicator } from '../../domain/indicators';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';
import { groupCells, selfInfo, type PeerSpec } from './peerGroup';

export const positions = ['below_q1', 'q1_to_median', 'median_to_q3', 'above_q3'] as const;
export type Position = (typeof positions)[number];

const statsOf = (code: string): readonly string[] => (coreIndicator(code)?.unit === 'yesno' ? ['count', 'share'] : ['count', 'q1', 'median', 'q3']);
const centreStat = (code: string) => (coreIndicator(code)?.unit === 'yesno' ? 'share' : 'median');

/**
 * Checks indicator codes from outside: core, numeric or yes/no, at most 40.
 * @example checkIndicators(['finances.produits']) // ['finances.produits']
 */
export function checkIndicators(codes: readonly string[] | undefined): string[] {
  const list = codes?.length ? [...new Set(codes)] : [...dashboardIndicators];
  if (list.length > 40) throw new AppError('validation_failed', 'Au plus 40 indicateurs à la fois.');
  for (const c of list) {
    const i = coreIndicator(c);
    if (!i) throw new AppError('validation_failed', `Indicateur inconnu : « ${c} ».`);
    if (!['count', 'fte', 'euros', 'share', 'yesno'].includes(i.unit) || i.aggregate === 'none') throw new AppError('validation_failed', `L’indicateur ${c} ne se compare pas en chiffres.`);
  }
  return list;
}

/**
 * Where the value stands against the group's published quartiles; null when a quartile is withheld.
 * @example positionOf(12, { q1: 5, median: 10, q3: 20 }) // 'median_to_q3'
 */
export function positionOf(value: number | null, q: { q1?: PublishedCell; median?: PublishedCell; q3?: PublishedCell }): Position | null {
  if (value === null || q.q1?.state !== 'value' || q.median?.state !== 'value' || q.q3?.state !== 'value') return null;
  return value < q.q1.value ? 'below_q1' : value < q.median.value ? 'q1_to_median' : value <= q.q3.value ? 'median_to_q3' : 'above_q3';
}

const numeric = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null);

/**
 * A structure among its peers, for its own people and those who follow its territory: for each indicator
 * its own value, the group's quartiles (or share) as published by the gate and its position; then its
 * own values over the years beside the group's median. Peers' own values are never given.
 * @example await structurePosition({ db, actor, structureId: 1, year: 2024, peers: { kind: 'neighbours' } })
 */
export async function structurePosition(p: PositionQuery) {
  return (await positionWithHeading(p)).position;
}

type PositionQuery = { db: Db; actor: Actor; structureId: number; year: number; indicators?: readonly string[]; peers: PeerSpec };

/**
 * The position (structurePosition) with what heads the structure's sheet (name, town, département), read
 * in the same statement as its attributes: a fact sheet needs both.
 * @example const { heading, position } = await positionWithHeading({ db, actor, structureId: 1, year: 2024, peers: { kind: 'neighbours' } });
 */
export async function positionWithHeading(p: PositionQuery) {
  const { db, actor } = p;
  // Independent reads side by side (under load each awaited statement waits its turn again): the structure's
  // answers are read beside its attributes, but nothing of them is used before its place has said who may
  // see it. (An anonymous visitor starts none of them.)
  const campaigns = actor.userId ? campaignYears(db) : undefined;
  const reads = campaigns && Promise.all([campaigns, ownAnswersByYear(db, p.structureId),
    // The frozen neighbours of every year at once (a fact sheet's evolution reads them all).
    p.peers.kind === 'neighbours' ? campaigns.then((ys) => getFrozenNeighboursOfYears(db, ys.filter((y) => y <= p.year), p.structureId)) : new Map<number, NamedNeighbour[]>(),
  ]);
  reads?.catch(() => undefined);
  const self = await selfInfo(db, p.structureId);
  if (!self) throw new AppError('not_found', 'Structure introuvable.');
  const place = { id: self.id, departementCode: self.attributes.departementCode, regionCode: self.attributes.regionCode };
  if (!actor.userId || !reads) throw new AppError('unauthenticated', 'Connectez-vous pour situer une structure parmi ses pairs.');
  if (!structurePolicy.readPrivate(actor, place)) throw new AppError('forbidden', 'Seules la structure et les personnes qui suivent son territoire la situent parmi ses pairs.');
  const indicators = checkIndicators(p.indicators);
  const [allYears, own, frozen] = await reads;
  const years = allYears.filter((y) => y <= p.year);
  if (!years.includes(p.year)) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  const ownValues = (y: number) => own.get(y)?.values ?? {};

  const cellsOfYears = await Promise.all(years.map((y) => groupCells({ db, self, year: y, spec: p.peers, indicators, statsOf, frozen: frozen.get(y) ?? [] })));
  const byYear = new Map(years.map((y, i) => [y, cellsOfYears[i]]));
  const current = byYear.get(p.year)!;
  let neighbours: { id: number; name: string; commune: string; rank: number; reasons: Record<string, string> }[] | undefined;
  if (p.peers.kind === 'neighbours') {
    // The group's members as groupCells found them (frozen for the campaign), with their names.
    const group = current.published ? current.neighbours : [];
    neighbours = group.map((g) => ({ id: g.neighbour_id, name: g.name, commune: g.commune_name, rank: g.rank, reasons: g.reasons }));
  }
  const position = {
    structureId: place.id, year: p.year,
    ownState: own.get(p.year)?.state ?? null,
    peers: { ...p.peers, size: current.size, published: current.published, ...(neighbours ? { neighbours } : {}) },
    indicators: indicators.map((code) => {
      const i = coreIndicator(code)!;
      const cells = Object.fromEntries(current.cells.get(code) ?? []);
      const value = ownValues(p.year)[code] ?? null;
      return {
        code, label: i.label, unit: i.unit, value, group: cells,
        position: i.unit === 'yesno' ? null : positionOf(numeric(value), cells),
      };
    }),
    evolution: indicators.map((code) => ({
      code,
      years: years.map((y) => {
        const cells = byYear.get(y)!.cells.get(code);
        const cell = (stat: string): PublishedCell => cells?.get(stat) ?? { state: 'no_data' };
        // The quartiles too (already published for the box plot), so the evolution can show the group's band.
        return { year: y, value: ownValues(y)[code] ?? null, group: cell(centreStat(code)), ...(coreIndicator(code)?.unit === 'yesno' ? {} : { q1: cell('q1'), q3: cell('q3') }) };
      }),
    })),
  };
  return { heading: self.heading, position };
}
