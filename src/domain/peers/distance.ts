/**
 * Distance peer groups: structures within a band of kilometres around a structure. Bands, not free radii,
 * for the same reason filters are bands: a radius slid past one structure would isolate it by differencing.
 */
export const distanceBandsKm = [5, 10, 20, 50, 100] as const;
export type DistanceBandKm = (typeof distanceBandsKm)[number];

const EARTH_RADIUS_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/**
 * Great-circle distance in km (haversine).
 * @example haversineKm({ lat: 45.764, lon: 4.8357 }, { lat: 43.2965, lon: 5.3698 }) // ≈ 277
 */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat), dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Ids of the places within `km` of a centre (the centre's own id excluded), nearest first.
 * @example withinKm({ id: 1, lat: 45.76, lon: 4.83 }, places, 10) // [7, 3, …]
 */
export function withinKm(centre: { id: number; lat: number; lon: number }, places: Iterable<{ id: number; lat: number | null; lon: number | null }>, km: number): number[] {
  const out: { id: number; d: number }[] = [];
  for (const p of places) {
    if (p.id === centre.id || p.lat === null || p.lon === null) continue;
    const d = haversineKm(centre, { lat: p.lat, lon: p.lon });
    if (d <= km) out.push({ id: p.id, d });
  }
  return out.sort((a, b) => a.d - b.d || a.id - b.id).map((x) => x.id);
}
