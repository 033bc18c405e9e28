import { describe, expect, it } from 'vitest';
import { readGeography } from '../../seed/geography';
import { haversineKm } from '../peers/distance';
import { generateStructures } from './structures';

const communes = readGeography().communes;
const byCode = new Map(communes.map((c) => [c.code, c]));
const structures = generateStructures(communes, 1);

describe('demo structures on the map', () => {
  it('sit in their own commune, never at another commune’s point', () => {
    for (const s of structures) {
      const c = byCode.get(s.commune_code)!;
      expect(c.lat, `${s.name} (${c.name})`).not.toBeNull();
      expect(s.lat).not.toBeNull();
      // Within a few kilometres of their commune's own point (the spread grows with the town's size).
      expect(haversineKm({ lat: s.lat!, lon: s.lon! }, { lat: c.lat!, lon: c.lon! }), s.name).toBeLessThan(c.population > 200_000 ? 25 : 12);
    }
  });

  it('no two communes of the geography share a point', () => {
    const points = new Map<string, string>();
    for (const c of communes) {
      if (c.lat === null || c.lon === null) continue;
      const key = `${c.lat.toFixed(5)},${c.lon.toFixed(5)}`;
      expect(points.get(key), `${c.code} ${c.name}`).toBeUndefined();
      points.set(key, c.code);
    }
    expect(points.size).toBeGreaterThan(8000);
  });

  it('keep the national counts, every département and a rural share for EVS', () => {
    expect(structures).toHaveLength(4070);
    expect(new Set(structures.map((s) => s.departement_code)).size).toBe(new Set(communes.map((c) => c.departement_code)).size);
    const evs = structures.filter((s) => s.kind === 'EVS');
    expect(evs.filter((s) => s.territory_type === 'rural').length / evs.length).toBeGreaterThan(0.3);
  });
});
