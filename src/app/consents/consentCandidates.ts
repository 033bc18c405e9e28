import type { Db } from '../../db/connection';
import { campaignYears, structureCoordinates, structureSummaries } from '../../db/aggregation.repo';
import { getFrozenNeighboursOfYear } from '../../db/peerGroup.repo';
import { consentReach, type ReachCandidate } from '../../domain/peers/consentReach';

/**
 * The structures a structure may ask for a named comparison (within 50 km, or in one of its frozen
 * nearest-neighbour groups), with their public names. One list for the page and for the check.
 * @example (await consentCandidates(db, 1)).map((c) => c.name)
 */
export async function consentCandidates(db: Db, structureId: number): Promise<(ReachCandidate & { name: string; commune: string; kind: string })[]> {
  const neighbours = new Set<number>();
  for (const year of await campaignYears(db)) {
    for (const n of await getFrozenNeighboursOfYear(db, year, structureId)) neighbours.add(n.neighbour_id);
  }
  const places = await structureCoordinates(db);
  const self = places.find((p) => p.id === structureId) ?? { id: structureId, lat: null, lon: null };
  const reach = consentReach(self, places, neighbours);
  const names = await structureSummaries(db, reach.map((r) => r.id));
  return reach.map((r) => ({ ...r, name: names.get(r.id)?.name ?? '', commune: names.get(r.id)?.commune_name ?? '', kind: names.get(r.id)?.kind ?? '' }));
}
