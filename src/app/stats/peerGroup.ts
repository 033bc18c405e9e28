import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { freezeNeighbours, getFrozenNeighboursOfYear, structureAttributesOf, type NamedNeighbour, type StructureHeading } from '../../db/peerGroup.repo';
import { publish, publishGroup, type Filter, type PublishedCell, type StructureAttributes } from '../../domain/disclosure';
import { AppError } from '../../domain/errors';
import { distanceBandsKm, haversineKm, withinKm, type DistanceBandKm } from '../../domain/peers/distance';
import { candidatesOf, featuresOf, nearestNeighbours, NEIGHBOURS_K } from '../../domain/peers/neighbours';
import { getPopulation, memoOf, type CampaignPopulation } from './populationCache';

/** How a structure's peer group is chosen. */
export type PeerSpec =
  | { kind: 'filters'; filters: Filter[]; scope: 'nation' | 'region' | 'departement' }
  | { kind: 'neighbours' }
  | { kind: 'distance'; km: DistanceBandKm };

/** Published statistics of a peer group: indicator → statistic → cell. */
export type GroupCells = Map<string, Map<string, PublishedCell>>;

export interface SelfInfo { id: number; attributes: StructureAttributes; lat: number | null; lon: number | null; heading: StructureHeading }

/** The structure's public attributes, coordinates and heading (one statement), or undefined when there is none. */
export async function selfInfo(db: Db, structureId: number): Promise<SelfInfo | undefined> {
  const s = await structureAttributesOf(db, structureId);
  return s && { id: structureId, ...s };
}

/**
 * The frozen nearest neighbours of a structure for a campaign, freezing them on first use from the
 * campaign's published release, on public attributes only (a group chosen on budget or FTE would publish
 * those values through the names it lists).
 * @example await neighboursOf({ db, self, year: 2024 })
 */
export async function neighboursOf(p: { db: Db; self: SelfInfo; year: number }): Promise<NamedNeighbour[]> {
  // Frozen already (every call but the first of a campaign): one statement.
  const frozen = await getFrozenNeighboursOfYear(p.db, p.year, p.self.id);
  if (frozen.length > 0) return frozen;
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  const pop = await getPopulation({ db: p.db, year: p.year, mode: 'published' });
  const candidates = memoOf(pop, 'neighbours:candidates', () => candidatesOf(pop.records));
  const group = nearestNeighbours(featuresOf(p.self.id, p.self.attributes), candidates, NEIGHBOURS_K);
  await freezeNeighbours(p.db, campaign.id, p.self.id, group);
  return getFrozenNeighboursOfYear(p.db, p.year, p.self.id);
}

/** Members of each distance band around a structure in a population (nearest first). */
function distanceBands(pop: CampaignPopulation, self: SelfInfo): Map<number, number[]> {
  if (self.lat === null || self.lon === null) throw new AppError('conflict', 'Cette structure n’a pas de coordonnées : le groupe par distance est indisponible.');
  const centre = { id: self.id, lat: self.lat, lon: self.lon };
  const places = [...pop.places].map(([id, pl]) => ({ id, lat: pl.lat, lon: pl.lon }));
  const widest = withinKm(centre, places, distanceBandsKm[distanceBandsKm.length - 1]);
  const at = new Map(places.map((pl) => [pl.id, pl]));
  const km = new Map(widest.map((id) => { const pl = at.get(id)!; return [id, haversineKm(centre, { lat: pl.lat!, lon: pl.lon! })]; }));
  return new Map(distanceBandsKm.map((band) => [band, widest.filter((id) => km.get(id)! <= band)]));
}

/**
 * A peer group's statistics for one year, through the gate: band filters as a flexible query on the
 * structure's own territory; neighbours and distance bands as arbitrary groups (same rules, plus the
 * complement rule between the nested distance bands). `frozen`: the structure's frozen neighbours of that year
 * as the caller read them (getFrozenNeighboursOfYears; empty when not frozen yet — the first call of a campaign
 * freezes them here — or for other groups).
 * @example await groupCells({ db, self, year: 2024, spec: { kind: 'distance', km: 20 }, indicators, stats: ['q1', 'median', 'q3'], frozen: [] })
 */
export async function groupCells(p: { db: Db; self: SelfInfo; year: number; spec: PeerSpec; indicators: readonly string[]; statsOf: (code: string) => readonly string[]; frozen: NamedNeighbour[] }) {
  const cells: GroupCells = new Map();
  // Peer figures come from the year's release: a year not published yet has none (and says so).
  const pop = await getPopulation({ db: p.db, year: p.year, mode: 'published' }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_published') return null;
    throw e;
  });
  if (!pop) return { cells, size: null as number | null, published: false, neighbours: [] as NamedNeighbour[] };
  const put = (indicator: string, stat: string, cell: PublishedCell) => {
    let m = cells.get(indicator);
    if (!m) cells.set(indicator, (m = new Map()));
    m.set(stat, cell);
  };
  let members: number[] | null = null;
  let related: number[][] = [];
  if (p.spec.kind === 'filters') {
    const a = p.self.attributes;
    const code = p.spec.scope === 'nation' ? 'FR' : p.spec.scope === 'region' ? a.regionCode : a.departementCode;
    for (const ind of p.indicators) {
      const stats = p.statsOf(ind);
      const spec = p.spec;
      // The gate's answer depends only on the population and the query: kept with the population (a fact sheet
      // or a position page asked again, by anyone, costs no second computation; a new release is a new memo).
      const figures = memoOf(pop, `group:filters:${spec.scope}:${code}:${JSON.stringify(spec.filters)}:${ind}:${stats.join(',')}`,
        () => publish(pop.population, { kind: 'flexible_query', indicators: [ind], level: spec.scope, territories: [code], filters: spec.filters, stats }).figures);
      for (const f of figures) put(f.indicator, f.stat, f.cell);
    }
    return { cells, size: null as number | null, published: true, neighbours: [] as NamedNeighbour[] };
  }
  let neighbours: NamedNeighbour[] = [];
  if (p.spec.kind === 'neighbours') {
    neighbours = p.frozen.length > 0 ? p.frozen : await neighboursOf({ db: p.db, self: p.self, year: p.year });
    members = neighbours.map((n) => n.neighbour_id);
  } else {
    const km = p.spec.km;
    const bands = memoOf(pop, `distance:${p.self.id}`, () => distanceBands(pop, p.self));
    members = bands.get(km)!;
    related = [...bands].filter(([k]) => k !== km).map(([, ids]) => ids);
  }
  // A structure's frozen neighbours are asked for again and again (its public fact sheet): their cells are kept
  // with the population, keyed by the members. Distance bands (hundreds of members, asked by the structure's own
  // people) are computed each time.
  const kept = p.spec.kind === 'neighbours' ? `group:neighbours:${members.join(',')}` : null;
  for (const ind of p.indicators) {
    const stats = p.statsOf(ind);
    const compute = () => publishGroup(pop.population, { indicators: [ind], members: members!, related, stats });
    for (const f of kept ? memoOf(pop, `${kept}:${ind}:${stats.join(',')}`, compute) : compute()) put(f.indicator, f.stat, f.cell);
  }
  // The neighbours are named anyway; how many validated responses lie within a distance is not said.
  return { cells, size: p.spec.kind === 'neighbours' ? members.length : null, published: true, neighbours };
}
