import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { decideRows, directoryForMatching, getDataset, reviewableRows, structuresByIds } from '../../db/external.repo';
import { AppError } from '../../domain/errors';
import { indexDirectory, matchRow } from '../../domain/external/matching';
import type { MatchCandidate } from '../../domain/external/types';
import type { Actor } from '../../domain/roles';
import { externalPolicy } from '../../policies/external';
import { recheckDatasetReaders } from '../quality/runQuality';

export interface ReviewedRow {
  line: number; siret: string | null; name: string; commune: string;
  /** 'proposal': waiting for a person; 'confirmed' or 'rejected': decided. */
  state: 'proposal' | 'confirmed' | 'rejected';
  /** The proposed or confirmed structure. */
  structure: { id: number; name: string; commune: string } | null;
  candidates: MatchCandidate[];
}

async function datasetFor(db: Db, actor: Actor, name: string, year: number) {
  if (!externalPolicy.import(actor)) throw new AppError('forbidden', 'Seule l’administration nationale confirme les rapprochements d’un jeu de données externe.');
  const dataset = await getDataset(db, name, year);
  if (!dataset) throw new AppError('not_found', `Le jeu de données « ${name} » ${year} n’est pas importé.`);
  return dataset;
}

/**
 * The rows of an imported data set that matching alone could not settle — proposals waiting for a
 * person, and the decisions already taken — each with the directory's closest structures.
 * @example const rows = await externalProposals({ db, actor, dataset: 'elisfa', year: 2024 });
 */
export async function externalProposals(p: { db: Db; actor: Actor; dataset: string; year: number }): Promise<ReviewedRow[]> {
  const dataset = await datasetFor(p.db, p.actor, p.dataset, p.year);
  const rows = await reviewableRows(p.db, dataset.id);
  if (rows.length === 0) return [];
  const index = indexDirectory(await directoryForMatching(p.db));
  return rows.map((r) => ({
    line: r.line, siret: r.siret, name: r.name, commune: r.commune,
    state: r.method as ReviewedRow['state'],
    structure: r.structureId !== null && r.structureName ? { id: r.structureId, name: r.structureName, commune: r.structureCommune ?? '' } : null,
    candidates: matchRow(index, r).candidates,
  }));
}

/**
 * Confirms (line → structure id) or rejects (line → null) proposed matches of an imported data set, all
 * or nothing: an unknown line, a row matched by SIRET or a structure that does not exist refuses the
 * whole request. Confirmed rows enter the concordance report and `ext()` (the responses concerned are
 * re-checked when their questionnaire reads the data set); the decisions are kept when a later file of the data set has the same rows.
 * @example await decideExternalProposals({ db, actor, dataset: 'elisfa', year: 2024, decisions: { 12: 345, 40: null } });
 */
export async function decideExternalProposals(p: { db: Db; actor: Actor; dataset: string; year: number; decisions: Record<string, number | null> }) {
  const dataset = await datasetFor(p.db, p.actor, p.dataset, p.year);
  const decisions = Object.entries(p.decisions).map(([line, structureId]) => ({ line: Number(line), structureId }));
  if (decisions.length === 0) throw new AppError('validation_failed', 'Aucune décision : indiquez pour chaque ligne la structure confirmée, ou null pour rejeter.');
  const rows = await reviewableRows(p.db, dataset.id);
  const reviewable = new Set(rows.map((r) => r.line));
  const badLine = decisions.find((d) => !Number.isInteger(d.line) || !reviewable.has(d.line));
  if (badLine) throw new AppError('validation_failed', `Ligne ${badLine.line} : ce n’est pas un rapprochement à confirmer de « ${p.dataset} » ${p.year} (ligne absente, ou rapprochée par SIRET ou par un nom sans ambiguïté).`);
  const ids = [...new Set(decisions.flatMap((d) => (d.structureId === null ? [] : [d.structureId])))];
  const existing = new Set((await structuresByIds(p.db, ids)).map((s) => s.id));
  const unknown = decisions.find((d) => d.structureId !== null && !existing.has(d.structureId));
  if (unknown) throw new AppError('validation_failed', `Ligne ${unknown.line} : la structure ${unknown.structureId} n’existe pas dans l’annuaire.`);
  const changed = await decideRows(p.db, dataset.id, decisions);
  // ext() rules of the structures concerned (the one a row leaves, the one it joins) read other values now.
  const before = new Map(rows.map((r) => [r.line, r.structureId]));
  const concerned = new Set(decisions.flatMap((d) => [before.get(d.line), d.structureId]).filter((id): id is number => typeof id === 'number'));
  const rechecked = await recheckDatasetReaders({ db: p.db, year: p.year, dataset: p.dataset, structureIds: [...concerned] });
  await appendAudit(p.db, {
    actorId: p.actor.userId ?? null, action: 'external.review', entity: 'external_dataset', entityId: `${p.dataset}/${p.year}`,
    data: { confirmed: decisions.filter((d) => d.structureId !== null).length, rejected: decisions.filter((d) => d.structureId === null).length },
  });
  return { changed, rechecked };
}
