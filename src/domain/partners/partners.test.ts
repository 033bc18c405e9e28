import { describe, expect, it } from 'vitest';
import { checkPartner, partnerIdentity, type Partner } from './partner';
import { searchPartners, type SharingStructure } from './search';
import { partnerNetwork } from './network';

const lyon: SharingStructure = { id: 1, name: 'Centre A (Lyon)', kind: 'CS', commune: 'Lyon', departementCode: '69', lat: 45.764, lon: 4.8357 };
const villeurbanne: SharingStructure = { id: 2, name: 'Centre B (Villeurbanne)', kind: 'CS', commune: 'Villeurbanne', departementCode: '69', lat: 45.7719, lon: 4.8902 };
const vienne: SharingStructure = { id: 3, name: 'EVS C (Vienne)', kind: 'EVS', commune: 'Vienne', departementCode: '38', lat: 45.5256, lon: 4.8745 };
const marseille: SharingStructure = { id: 4, name: 'Centre D (Marseille)', kind: 'CS', commune: 'Marseille', departementCode: '13', lat: 43.2965, lon: 5.3698 };
const p = (id: number, structureId: number, kind: Partner['kind'], name: string, themes: string[], siret: string | null = null): Partner => ({ id, structureId, kind, name, siret, themes });
const partners = [
  p(1, 2, 'bailleurs', 'Grand Lyon Habitat', ['logement', 'isolement']),
  p(2, 3, 'bailleurs', 'Advivo', ['logement']),
  p(3, 4, 'bailleurs', 'Habitat Marseille Provence', ['logement']),
  p(4, 2, 'ecoles', 'Collège Jean Jaurès', ['accompagnement_scolaire']),
  p(5, 1, 'bailleurs', 'Grand Lyon Habitat', ['logement']),
  p(6, 3, 'caf', 'CAF de l’Isère', ['familles'], '53445592900021'),
];

describe('declared partners', () => {
  it('are checked and normalised, with French problems', () => {
    expect(checkPartner({ kind: 'caf', name: '  CAF   du Rhône ', themes: ['familles', 'familles', 'petite_enfance'] }))
      .toEqual({ ok: true, value: { kind: 'caf', name: 'CAF du Rhône', siret: null, themes: ['petite_enfance', 'familles'] } });
    const bad = checkPartner({ kind: 'banque', name: 'X', siret: '12345678901234', themes: ['astronomie'] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toEqual([
      'Type de partenaire inconnu : « banque ».', 'Le nom du partenaire doit compter de 2 à 120 caractères.',
      'Le numéro SIRET « 12345678901234 » n’est pas valide (14 chiffres, clé de contrôle).', 'Thème inconnu : « astronomie ».',
    ]);
  });

  it('one partner across structures: by SIRET, else kind and name without case or accents', () => {
    expect(partnerIdentity({ kind: 'caf', name: 'CAF du Rhône', siret: null })).toBe(partnerIdentity({ kind: 'caf', name: 'Caf du rhone', siret: null }));
    expect(partnerIdentity({ kind: 'caf', name: 'x', siret: '53445592900021' })).toBe('siret:53445592900021');
  });
});

describe('partner search', () => {
  const all = [lyon, villeurbanne, vienne, marseille];
  it('finds who works with social landlords on housing near Lyon, nearest first, without the asking structure', () => {
    const hits = searchPartners(all, partners, { kind: 'bailleurs', theme: 'logement', origin: { id: 1, lat: lyon.lat!, lon: lyon.lon! }, km: 50 });
    expect(hits.map((h) => h.structure.id)).toEqual([2, 3]);
    expect(hits[0].structure.distanceKm).toBeCloseTo(4.3, 0);
    expect(hits[1].structure.distanceKm).toBeGreaterThan(20);
    expect(hits[0].partners.map((x) => x.name)).toEqual(['Grand Lyon Habitat']);
  });
  it('a 20 km radius leaves Vienne out; no radius keeps Marseille, last', () => {
    expect(searchPartners(all, partners, { kind: 'bailleurs', origin: { id: 1, lat: lyon.lat!, lon: lyon.lon! }, km: 20 }).map((h) => h.structure.id)).toEqual([2]);
    expect(searchPartners(all, partners, { kind: 'bailleurs', origin: { id: 1, lat: lyon.lat!, lon: lyon.lon! } }).map((h) => h.structure.id)).toEqual([2, 3, 4]);
  });
  it('by theme and by words of the name, accents ignored', () => {
    expect(searchPartners(all, partners, { theme: 'accompagnement_scolaire' }).map((h) => h.partners[0].name)).toEqual(['Collège Jean Jaurès']);
    expect(searchPartners(all, partners, { q: 'college jaures' }).map((h) => h.structure.id)).toEqual([2]);
  });
  it('structures not passed in (not sharing) never appear', () => {
    expect(searchPartners([lyon, vienne], partners, { kind: 'bailleurs' }).map((h) => h.structure.id)).toEqual([1, 3]);
  });
});

describe('partner network', () => {
  it('merges the same partner declared by two structures and gives a table most connected first', () => {
    const n = partnerNetwork([lyon, villeurbanne], partners);
    expect(n.structures).toBe(2);
    expect(n.partners.map((r) => [r.name, r.structures.map((s) => s.id)])).toEqual([['Grand Lyon Habitat', [1, 2]], ['Collège Jean Jaurès', [2]]]);
    expect(n.links).toHaveLength(3);
    expect(n.nodes.find((x) => x.id === 's:2')!.degree).toBe(2);
    expect(n.partners[0].themes.sort()).toEqual(['isolement', 'logement']);
  });
  it('a partner declared with a SIRET by one structure and by name alone by another is one node', () => {
    const n = partnerNetwork([lyon, villeurbanne], [p(1, 1, 'caf', 'CAF du Rhône', [], '53445592900021'), p(2, 2, 'caf', 'Caf du rhone', [])]);
    expect(n.partners).toHaveLength(1);
    expect(n.partners[0].structures.map((s) => s.id)).toEqual([1, 2]);
  });
});
