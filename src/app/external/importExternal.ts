import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { datasetRows, directoryForMatching, getDataset, reviewableRows, storeDataset } from '../../db/external.repo';
import { rowIdentity, type FileAnalysis } from '../../domain/external/analyse';
import { trustedMethods, type DatasetMapping, type ExternalValue, type FileProblem, type MatchCandidate, type MatchMethod } from '../../domain/external/types';
import { AppError } from '../../domain/errors';
import { formatOf, type TableFormat } from '../../domain/interchange/answerTable';
import { checkUploadBounds } from '../files/checkUploadBounds';
import type { Actor } from '../../domain/roles';
import { externalPolicy } from '../../policies/external';
import { recheckDatasetReaders } from '../quality/runQuality';
import { runHeavy } from '../infra/heavy/pool';

export interface ImportExternalProps {
  db: Db;
  /** Null for the command-line operator. */
  actor: Actor | null;
  dataset: string;
  year: number;
  bytes: Uint8Array;
  fileName?: string;
  format?: TableFormat;
  /** Column mapping; guessed from the file when absent. */
  mapping?: DatasetMapping;
  source?: string;
  licence?: string;
  /** A person's review of proposed matches: line → structure id, or null to reject. */
  confirmations?: Record<string, number | null>;
  /** Accept every proposed match (command line, after reading the dry run). */
  acceptProposals?: boolean;
  dryRun?: boolean;
  onProgress?: (done: number, total: number, step: string) => void;
}

export interface ExternalImportReport {
  dataset: string; year: number; fileHash: string; format: TableFormat | null; encoding: string | null;
  columns: string[]; mapping: DatasetMapping | null;
  counts: FileAnalysis['counts'];
  problems: FileProblem[];
  notes: FileAnalysis['notes'];
  proposals: { line: number; name: string; commune: string; siret: string | null; candidates: MatchCandidate[] }[];
  stored: boolean; unchanged: boolean; dryRun: boolean;
  /** Responses of the year's campaign re-checked after storing (their `ext()` rules read the new values). */
  rechecked: number;
}

export const datasetNamePattern = /^[a-z][a-z0-9_-]{1,39}$/;

/**
 * Throws unless the actor may import (none: the command line) a data set of this name and year: what an
 * import, at once or queued as a job, checks before reading the file.
 */
export function checkImportRequest(p: { actor: Actor | null; dataset: string; year: number }): void {
  if (p.actor && !externalPolicy.import(p.actor)) throw new AppError('forbidden', 'Seule l’administration nationale importe des jeux de données externes (fichiers nationaux).');
  if (!datasetNamePattern.test(p.dataset)) throw new AppError('validation_failed', 'Nom de jeu de données invalide : lettres minuscules, chiffres, « - » ou « _ », 2 à 40 caractères.');
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) throw new AppError('validation_failed', 'Année invalide : attendue entre 2000 et 2100.');
}

/**
 * Imports an external data set for a year: reads the file (CSV with its encoding, or XLSX), applies the
 * mapping, matches rows to structures, and stores it in one transaction — or nothing at all when the file
 * has any problem, on a dry run, or when the very same file with the same mapping is already the data set
 * (re-importing changes nothing).
 * @example const report = await importExternal({ db, actor: null, dataset: 'elisfa', year: 2024, bytes, dryRun: true });
 */
export async function importExternal(p: ImportExternalProps): Promise<ExternalImportReport> {
  checkImportRequest(p);
  const fileHash = createHash('sha256').update(p.bytes).digest('hex');
  const report: ExternalImportReport = {
    dataset: p.dataset, year: p.year, fileHash, format: null, encoding: null, columns: [], mapping: null,
    counts: { rows: 0, siret: 0, name: 0, proposals: 0, unknown: 0 }, problems: [], notes: [], proposals: [],
    stored: false, unchanged: false, dryRun: Boolean(p.dryRun), rechecked: 0,
  };
  p.onProgress?.(0, 0, 'lecture du fichier');
  // Bounded before parsing (refused with a 413, not a file problem): an oversized table never reaches the parser.
  if (p.bytes.length > 0) await checkUploadBounds(p.bytes, p.format ?? formatOf(p.bytes));
  const confirmations = new Map(Object.entries(p.confirmations ?? {}).map(([line, id]) => [Number(line), id]));
  const existing = await getDataset(p.db, p.dataset, p.year);
  // A person's earlier decisions on the same rows (by SIRET, or name and commune) are not asked again.
  const remembered = new Map((existing ? await reviewableRows(p.db, existing.id) : [])
    .filter((r) => r.method === 'rejected' || (r.method === 'confirmed' && r.structureId !== null))
    .map((r) => [rowIdentity(r), r.method === 'rejected' ? null : r.structureId] as const));
  // Parsing and matching in a worker thread (heavy/pool.ts): the server keeps answering meanwhile.
  p.onProgress?.(0, 0, 'rapprochement');
  const read = await runHeavy('analyseExternalFile', {
    bytes: p.bytes, format: p.format, mapping: p.mapping, year: p.year, directory: await directoryForMatching(p.db), confirmations, remembered,
  });
  if ('problem' in read) { report.problems.push(read.problem); return report; }
  Object.assign(report, { format: read.format, encoding: read.encoding, columns: read.columns });
  const { mapping, analysis } = read;
  report.mapping = mapping;
  Object.assign(report, { counts: analysis.counts, problems: analysis.problems, notes: analysis.notes });
  report.proposals = analysis.rows.filter((r) => r.match.method === 'proposal')
    .map((r) => ({ line: r.line, name: r.name, commune: r.commune, siret: r.siret, candidates: r.match.candidates }));
  if (report.problems.length > 0 || p.dryRun) return report;

  if (existing && existing.file_hash === fileHash && canonical(existing.mapping) === canonical(mapping) && confirmations.size === 0 && !p.acceptProposals) {
    report.unchanged = true;
    return report;
  }
  const before = existing ? await datasetRows(p.db, existing.id) : [];
  const rows = analysis.rows.map((r) => {
    const accepted = p.acceptProposals && r.match.method === 'proposal';
    return {
      line: r.line, siret: r.siret, name: r.name, commune: r.commune, structureId: r.match.structureId,
      method: accepted ? 'confirmed' as const : r.match.method, score: r.match.score, values: r.values,
    };
  });
  await storeDataset(p.db, {
    name: p.dataset, year: p.year, source: p.source ?? existing?.source ?? '', licence: p.licence ?? existing?.licence ?? '', mapping, fileHash,
    fileName: p.fileName ?? '', actorId: p.actor?.userId ?? null, rows, onProgress: (done, total) => p.onProgress?.(done, total, 'enregistrement'),
  });
  report.stored = true;
  await appendAudit(p.db, { actorId: p.actor?.userId ?? null, action: 'external.import', entity: 'external_dataset', entityId: `${p.dataset}/${p.year}`, data: { rows: rows.length, fileHash } });
  // The responses whose ext() values changed are re-checked, when their questionnaire reads this data set.
  report.rechecked = await recheckDatasetReaders({
    db: p.db, year: p.year, dataset: p.dataset, structureIds: changedStructures(before, rows),
    onProgress: (done, total, step) => p.onProgress?.(done, total, `contrôle qualité (${step})`),
  });
  return report;
}

/**
 * Structures whose external values, as rules read them (trusted matches only), differ between the data
 * set's old rows and its new ones: gained, lost, or changed.
 */
export function changedStructures(before: readonly TrustedRow[], after: readonly TrustedRow[]): number[] {
  const valuesOf = (rows: readonly TrustedRow[]) => new Map(rows.filter((r) => r.structureId !== null && trustedMethods.includes(r.method))
    .map((r) => [r.structureId!, canonical(r.values)] as const));
  const [old, now] = [valuesOf(before), valuesOf(after)];
  return [...new Set([...old.keys(), ...now.keys()])].filter((id) => old.get(id) !== now.get(id)).sort((a, b) => a - b);
}
interface TrustedRow { structureId: number | null; method: MatchMethod; values: Record<string, ExternalValue> }

/** JSON with sorted keys: jsonb gives keys back in its own order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
