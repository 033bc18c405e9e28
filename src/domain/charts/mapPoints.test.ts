import { describe, expect, it } from 'vitest';
import { nextPoint, pointsOption } from './mapPoints';

const points = [
  { id: 1, name: 'Lyon', kind: 'CS', lon: 4.83, lat: 45.76 },
  { id: 2, name: 'Brest', kind: 'EVS', lon: -4.49, lat: 48.39 },
  { id: 3, name: 'Marseille', kind: 'CS', lon: 5.37, lat: 43.3 },
  { id: 4, name: 'Lille', kind: 'CS', lon: 3.06, lat: 50.63 },
];

describe('keyboard browsing of the map', () => {
  it('walks west to east and south to north, and stays at the edges', () => {
    expect(nextPoint(points, null, 'east')).toBe(2);
    expect(nextPoint(points, 2, 'east')).toBe(4);
    expect(nextPoint(points, 4, 'east')).toBe(1);
    expect(nextPoint(points, 1, 'east')).toBe(3);
    expect(nextPoint(points, 3, 'east')).toBe(3);
    expect(nextPoint(points, 2, 'west')).toBe(2);
    expect(nextPoint(points, 1, 'north')).toBe(2);
    expect(nextPoint(points, 2, 'north')).toBe(4);
    expect(nextPoint(points, 4, 'south')).toBe(2);
    expect(nextPoint(points, null, 'south')).toBe(4);
    expect([nextPoint(points, 1, 'first'), nextPoint(points, 1, 'last')]).toEqual([2, 3]);
    expect(nextPoint([], null, 'east')).toBeNull();
    expect(nextPoint(points, 99, 'west')).toBe(3);
  });

  it('tells where each placed structure is drawn, to highlight it', () => {
    const { option, positions } = pointsOption({ points: [...points, { id: 5, name: 'Nulle part', kind: 'CS', lon: null, lat: null }] });
    const series = option.series as { data: { id: number }[] }[];
    expect(positions.size).toBe(4);
    for (const [id, at] of positions) expect(series[at.seriesIndex].data[at.dataIndex].id).toBe(id);
    expect(positions.get(2)?.seriesIndex).toBe(1);
  });
});
