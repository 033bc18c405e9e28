import { haversineKm } from './distance';

/**
 * Who a director may ask for a named comparison: structures nearby, that is within
 * {@link CONSENT_MAX_KM} km, or in its frozen nearest-neighbour group. Asking the whole country would turn
 * joint consent into a way of collecting names and values far beyond the peers a centre actually has.
 */
export const CONSENT_MAX_KM = 50;

export interface ReachPlace { id: number; lat: number | null; lon: number | null }
export interface ReachCandidate { id: number; km: number | null; neighbour: boolean }

/**
 * Structures a structure may ask, nearest first (neighbours without coordinates last), itself excluded.
 * @example consentReach({ id: 1, lat: 45.76, lon: 4.83 }, places, new Set([9])) // [{ id: 7, km: 2.1, neighbour: false }, …]
 */
export function consentReach(self: ReachPlace, places: Iterable<ReachPlace>, neighbours: ReadonlySet<number>, maxKm = CONSENT_MAX_KM): ReachCandidate[] {
  const out: ReachCandidate[] = [];
  for (const p of places) {
    if (p.id === self.id) continue;
    const km = self.lat !== null && self.lon !== null && p.lat !== null && p.lon !== null ? haversineKm({ lat: self.lat, lon: self.lon }, { lat: p.lat, lon: p.lon }) : null;
    const neighbour = neighbours.has(p.id);
    if (neighbour || (km !== null && km <= maxKm)) out.push({ id: p.id, km: km === null ? null : Math.round(km * 10) / 10, neighbour });
  }
  return out.sort((a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.id - b.id);
}
