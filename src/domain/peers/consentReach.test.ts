import { describe, expect, it } from 'vitest';
import { consentReach } from './consentReach';

describe('consentReach', () => {
  const lyon = { id: 1, lat: 45.764, lon: 4.8357 };
  const places = [
    lyon,
    { id: 2, lat: 45.7578, lon: 4.832 }, // Lyon 2e, < 1 km
    { id: 3, lat: 45.9898, lon: 4.719 }, // Villefranche-sur-Saône, ≈ 27 km
    { id: 7, lat: 45.4397, lon: 4.3872 }, // Saint-Étienne, 50,2 km: just beyond
    { id: 4, lat: 43.2965, lon: 5.3698 }, // Marseille, ≈ 277 km
    { id: 5, lat: 48.8566, lon: 2.3522 }, // Paris, a frozen neighbour
    { id: 6, lat: null, lon: null },
  ];

  it('keeps structures within 50 km and frozen neighbours, nearest first, never itself', () => {
    const r = consentReach(lyon, places, new Set([5]));
    expect(r.map((c) => c.id)).toEqual([2, 3, 5]);
    expect(r[0]).toMatchObject({ id: 2, neighbour: false });
    expect(r.find((c) => c.id === 5)).toMatchObject({ neighbour: true });
    expect(r.map((c) => c.id)).not.toContain(4);
    expect(r.map((c) => c.id)).not.toContain(1);
    expect(r.map((c) => c.id)).not.toContain(6);
  });

  it('follows the limit given, and keeps a neighbour without coordinates', () => {
    expect(consentReach(lyon, places, new Set(), 300).map((c) => c.id)).toEqual([2, 3, 7, 4]);
    expect(consentReach(lyon, places, new Set([6]), 5).map((c) => c.id)).toEqual([2, 6]);
    expect(consentReach({ id: 9, lat: null, lon: null }, places, new Set([4])).map((c) => c.id)).toEqual([4]);
  });
});
