import { kindLabel } from '../labels';
import { partnerIdentity, partnerKindLabel, type Partner } from './partner';
import type { SharingStructure } from './search';

export interface NetworkNode { id: string; kind: 'structure' | 'partner'; label: string; category: string; degree: number }
export interface NetworkLink { source: string; target: string; themes: string[] }
export interface PartnerRow { id: string; name: string; kind: string; kindLabel: string; siret: string | null; structures: { id: number; name: string }[]; themes: string[] }

export interface PartnerNetwork { nodes: NetworkNode[]; links: NetworkLink[]; partners: PartnerRow[]; structures: number }

/**
 * The partnership network of a territory: structures and partners as nodes, one link per declared
 * partnership, the same partner declared by several structures merged (by SIRET, else by kind and name;
 * a name declared once with a SIRET carries it to the declarations without one).
 * `partners` is the table equivalent of the graph: each partner and who works with it, most connected first.
 * @example partnerNetwork(structures, partners).partners[0].structures.length // the most shared partner
 */
export function partnerNetwork(structures: readonly SharingStructure[], partners: readonly Partner[]): PartnerNetwork {
  const inTerritory = new Map(structures.map((s) => [s.id, s]));
  // A partner declared with its SIRET by one structure and by name alone by another is still one partner.
  const siretOfName = new Map<string, string>();
  for (const p of partners) if (p.siret) siretOfName.set(partnerIdentity({ ...p, siret: null }), p.siret);
  const identityOf = (p: Partner) => partnerIdentity({ ...p, siret: p.siret ?? siretOfName.get(partnerIdentity(p)) ?? null });
  const rows = new Map<string, PartnerRow>();
  const links: NetworkLink[] = [];
  const seen = new Set<string>();
  for (const p of partners) {
    const s = inTerritory.get(p.structureId);
    if (!s) continue;
    const id = `p:${identityOf(p)}`;
    const row = rows.get(id) ?? { id, name: p.name, kind: p.kind, kindLabel: partnerKindLabel(p.kind), siret: p.siret, structures: [], themes: [] };
    if (!row.structures.some((x) => x.id === s.id)) row.structures.push({ id: s.id, name: s.name });
    for (const t of p.themes) if (!row.themes.includes(t)) row.themes.push(t);
    rows.set(id, row);
    const key = `s:${s.id}|${id}`;
    if (!seen.has(key)) { seen.add(key); links.push({ source: `s:${s.id}`, target: id, themes: [...p.themes] }); }
  }
  const degree = new Map<string, number>();
  for (const l of links) for (const n of [l.source, l.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const linked = [...inTerritory.values()].filter((s) => degree.has(`s:${s.id}`));
  const nodes: NetworkNode[] = [
    ...linked.map((s): NetworkNode => ({ id: `s:${s.id}`, kind: 'structure', label: s.name, category: kindLabel(s.kind), degree: degree.get(`s:${s.id}`)! })),
    ...[...rows.values()].map((r): NetworkNode => ({ id: r.id, kind: 'partner', label: r.name, category: r.kindLabel, degree: degree.get(r.id)! })),
  ];
  const table = [...rows.values()].sort((a, b) => b.structures.length - a.structures.length || a.name.localeCompare(b.name, 'fr'));
  for (const r of table) r.structures.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { nodes, links, partners: table, structures: linked.length };
}
