import { haversineKm } from '../peers/distance';
import type { Partner } from './partner';

/** A structure that shares its partners, with its public directory place. */
export interface SharingStructure { id: number; name: string; kind: string; commune: string; departementCode: string; lat: number | null; lon: number | null }

export interface PartnerQuery {
  kind?: string;
  theme?: string;
  /** Words of the partner's name. */
  q?: string;
  /** Asking structure's coordinates, and the radius around it. */
  origin?: { id: number; lat: number; lon: number } | null;
  km?: number;
}

export interface PartnerHit { structure: SharingStructure & { distanceKm: number | null }; partners: Partner[] }

/** Distances in the results are rounded to 100 m: structures' coordinates are public, their precision is not the point. */
const round = (x: number) => Math.round(x * 10) / 10;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * "Who works with this kind of partner, on this theme, near me": the sharing structures having at least one
 * partner matching every given criterion, nearest first (then by name), with those partners. The asking
 * structure itself is left out. Callers pass only shared partners.
 * @example searchPartners(structures, partners, { kind: 'bailleurs', theme: 'logement', origin: { id: 1, lat: 45.76, lon: 4.83 }, km: 20 })
 */
export function searchPartners(structures: readonly SharingStructure[], partners: readonly Partner[], query: PartnerQuery): PartnerHit[] {
  const words = query.q ? fold(query.q).split(/\s+/).filter(Boolean) : [];
  const byStructure = new Map<number, Partner[]>();
  for (const p of partners) {
    if (query.kind && p.kind !== query.kind) continue;
    if (query.theme && !p.themes.includes(query.theme)) continue;
    if (words.length && !words.every((w) => fold(p.name).includes(w))) continue;
    const list = byStructure.get(p.structureId) ?? [];
    list.push(p);
    byStructure.set(p.structureId, list);
  }
  const hits: PartnerHit[] = [];
  for (const s of structures) {
    const found = byStructure.get(s.id);
    if (!found || s.id === query.origin?.id) continue;
    const d = query.origin && s.lat !== null && s.lon !== null ? haversineKm(query.origin, { lat: s.lat, lon: s.lon }) : null;
    if (query.km !== undefined && query.origin && (d === null || d > query.km)) continue;
    hits.push({ structure: { ...s, distanceKm: d === null ? null : round(d) }, partners: found.sort((a, b) => a.name.localeCompare(b.name, 'fr')) });
  }
  return hits.sort((a, b) => (a.structure.distanceKm ?? Infinity) - (b.structure.distanceKm ?? Infinity) || a.structure.name.localeCompare(b.structure.name, 'fr'));
}
