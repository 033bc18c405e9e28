/**
 * Rows of an external file matched to structures of the directory: by SIRET when it is valid (Luhn) and
 * known, otherwise by name within the same commune (fuzzy), otherwise by name anywhere (discounted).
 * A clear, unambiguous name match is automatic; a likely one is a proposal a person confirms; nothing
 * likely means the structure is unknown.
 */
import { isValidSiret } from '../siret';
import { communeKey, nameSimilarity, nameTokens } from './names';
import type { ExternalRowInput, MatchCandidate, RowMatch } from './types';

export interface DirectoryEntry { id: number; siret: string | null; name: string; communeCode: string; communeName: string }

export interface MatchOptions {
  /** From this score (and a clear lead over the next candidate) a name match is automatic. */
  automatic: number;
  /** From this score a candidate is proposed for confirmation. */
  proposal: number;
  /** Lead the best candidate needs over the second for an automatic match. */
  lead: number;
  /** Candidates outside the row's commune count this much of their score. */
  elsewhere: number;
}
export const defaultMatchOptions: MatchOptions = { automatic: 0.9, proposal: 0.6, lead: 0.08, elsewhere: 0.85 };

/**
 * An index of the directory, built once per import.
 * @example const index = indexDirectory(structures); matchRow(index, row)
 */
export function indexDirectory(entries: readonly DirectoryEntry[]) {
  const bySiret = new Map<string, DirectoryEntry>();
  const byCommune = new Map<string, DirectoryEntry[]>();
  const byToken = new Map<string, DirectoryEntry[]>();
  for (const e of entries) {
    if (e.siret) bySiret.set(e.siret, e);
    for (const key of new Set([e.communeCode, communeKey(e.communeName)])) (byCommune.get(key) ?? byCommune.set(key, []).get(key)!).push(e);
    for (const t of new Set(nameTokens(e.name))) (byToken.get(t) ?? byToken.set(t, []).get(t)!).push(e);
  }
  return { bySiret, byCommune, byToken };
}
export type DirectoryIndex = ReturnType<typeof indexDirectory>;

const cleanSiret = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f.]/g, '');

/**
 * The match of one row.
 * @example matchRow(index, { line: 2, siret: '73282932000074', name: 'CS Croix-Rousse', commune: 'Lyon', values: {} }).method // 'siret'
 */
export function matchRow(index: DirectoryIndex, row: Pick<ExternalRowInput, 'siret' | 'name' | 'commune'>, options: MatchOptions = defaultMatchOptions): RowMatch {
  const siret = cleanSiret(row.siret);
  let note: string | undefined;
  if (siret) {
    if (!isValidSiret(siret)) note = `SIRET invalide « ${siret} » (clé de contrôle fausse) : rapprochement par le nom.`;
    else {
      const hit = index.bySiret.get(siret);
      if (hit) return { structureId: hit.id, method: 'siret', score: 1, candidates: [{ structureId: hit.id, name: hit.name, commune: hit.communeName, score: 1 }] };
      note = `SIRET ${siret} absent de l’annuaire : rapprochement par le nom.`;
    }
  }
  if (!row.name.trim()) return { structureId: null, method: 'none', score: null, candidates: [], ...(note ? { note } : {}) };
  const local = index.byCommune.get(row.commune.trim()) ?? index.byCommune.get(communeKey(row.commune)) ?? [];
  const scored = new Map<number, MatchCandidate>();
  for (const e of local) scored.set(e.id, { structureId: e.id, name: e.name, commune: e.communeName, score: nameSimilarity(row.name, e.name) });
  const bestLocal = Math.max(0, ...[...scored.values()].map((c) => c.score));
  if (bestLocal < options.automatic) {
    // Elsewhere: only structures sharing a distinctive word, so a national file stays fast.
    const seen = new Set<number>();
    for (const t of nameTokens(row.name)) for (const e of index.byToken.get(t) ?? []) {
      if (scored.has(e.id) || seen.has(e.id)) continue;
      seen.add(e.id);
      const score = Math.round(nameSimilarity(row.name, e.name) * options.elsewhere * 1000) / 1000;
      if (score >= options.proposal) scored.set(e.id, { structureId: e.id, name: e.name, commune: e.communeName, score });
    }
  }
  const candidates = [...scored.values()].filter((c) => c.score >= options.proposal * 0.75).sort((a, b) => b.score - a.score || a.structureId - b.structureId).slice(0, 3);
  const [best, second] = candidates;
  const withNote = note ? { note } : {};
  if (!best || best.score < options.proposal) return { structureId: null, method: 'none', score: best?.score ?? null, candidates, ...withNote };
  const clear = best.score >= options.automatic && (!second || best.score - second.score >= options.lead);
  return { structureId: best.structureId, method: clear ? 'name' : 'proposal', score: best.score, candidates, ...withNote };
}
