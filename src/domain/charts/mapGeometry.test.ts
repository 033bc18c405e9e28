import { describe, expect, it } from 'vitest';
import { departementShapes, franceGeoJson, parseRelativePath, pointInShape, shapeBBox } from './mapGeometry';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const departementsMetro = (): string[] => (require('@etalab/decoupage-administratif/data/departements.json') as { code: string }[])
  .map((d) => d.code).filter((c) => !c.startsWith('97'));

describe('département map geometry', () => {
  it('has the 96 metropolitan départements and the 5 overseas insets, each with rings', () => {
    const shapes = departementShapes();
    expect(shapes).toHaveLength(101);
    expect(shapes.filter((s) => s.inset).map((s) => s.code)).toEqual(['971', '972', '973', '974', '976']);
    for (const s of shapes) expect(s.rings.every((r) => r.length >= 3)).toBe(true);
    const cog = new Set(departementsMetro());
    for (const s of shapes.filter((x) => !x.inset)) expect(cog.has(s.code), s.code).toBe(true);
  });

  it('keeps the insets in their frames, left of the metropole, without overlap', () => {
    const insets = departementShapes().filter((s) => s.inset);
    for (const s of insets) {
      const b = shapeBBox(s); const f = s.inset!;
      expect(b.minX).toBeGreaterThanOrEqual(f.x); expect(b.maxX).toBeLessThanOrEqual(f.x + f.width);
      expect(b.minY).toBeGreaterThanOrEqual(f.y); expect(b.maxY).toBeLessThanOrEqual(f.y + f.height);
      expect(f.x + f.width).toBeLessThan(0);
    }
  });

  it('parses relative paths, with a new subpath relative to the closed one', () => {
    const rings = parseRelativePath('m 10,10 5,0 0,5 z m 20,0 5,0 0,5 z');
    expect(rings).toEqual([[[10, 10], [15, 10], [15, 15]], [[30, 10], [35, 10], [35, 15]]]);
    expect(pointInShape([14, 11], { rings })).toBe(true);
    expect(pointInShape([20, 11], { rings })).toBe(false);
  });

  it('gives ECharts a FeatureCollection named by code', () => {
    const g = franceGeoJson();
    expect(g.features).toHaveLength(101);
    const rhone = g.features.find((f) => f.properties.name === '69')!;
    expect(rhone.properties.nom).toBe('Rhône');
    const ring = rhone.geometry.coordinates[0][0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });
});
