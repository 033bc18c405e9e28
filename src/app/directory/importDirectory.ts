import type { Db } from '../../db/connection';
import { applyDirectoryDiff, currentDirectory } from '../../db/directory.repo';
import { diffDirectory, type DirectoryDiff, type FieldChange } from '../../domain/directory/diff';
import { parseDirectory, type DirectoryEntry, type DirectoryProblem } from '../../domain/directory/parse';
import { decodeText } from '../../domain/external/encoding';
import { AppError } from '../../domain/errors';
import { formatOf, readCsvTable, type AnswerTable, type TableFormat } from '../../domain/interchange/answerTable';
import { readXlsxTable } from '../files/answerTableFile';
import { checkUploadBounds } from '../files/checkUploadBounds';
import type { Actor } from '../../domain/roles';
import { ensureGeography, officialCommunes } from '../../seed/geography';
import { appendAudit } from '../../db/audit.repo';

/** A directory file read and checked, before any database is opened. */
export interface CheckedDirectory { rows: number; entries: DirectoryEntry[]; problems: DirectoryProblem[] }

/**
 * Reads a directory file (CSV in UTF-8 or Windows-1252, or XLSX; bounded before parsing) and checks every
 * row against the official geography: SIRET keys, duplicates, communes, dates, lists.
 * @example const checked = await checkDirectoryFile(await readFile('annuaire.csv')); checked.problems
 */
export async function checkDirectoryFile(bytes: Uint8Array, format: TableFormat = formatOf(bytes)): Promise<CheckedDirectory> {
  await checkUploadBounds(bytes, format);
  let table: AnswerTable;
  if (format === 'xlsx') table = await readXlsxTable(bytes);
  else {
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new AppError('validation_failed', `Ligne ${decoded.line} : ${decoded.message}`);
    table = readCsvTable(decoded.text);
  }
  if (table.columns.every((c) => !c)) throw new AppError('validation_failed', 'Le fichier est vide : la première ligne doit nommer les colonnes (voir le modèle).');
  const communes = officialCommunes();
  const { entries, problems } = parseDirectory(table, (code) => communes.get(code));
  return { rows: table.rows.length, entries, problems };
}

/** What an import shows: the problems, or the difference it makes (applied unless a dry run). */
export interface DirectoryReport {
  rows: number;
  dryRun: boolean;
  stored: boolean;
  problems: DirectoryProblem[];
  created: { row: number; siret: string; name: string; communeCode: string; kind: string; endedOn: string | null; splitFrom: string[] }[];
  updated: { id: number; row: number; siret: string; name: string; changes: FieldChange[]; tookOver: string[]; splitFrom: string[] }[];
  takenOver: DirectoryDiff['takenOver'];
  /** Structures ended by this file (all approvals over), among created and updated. */
  ended: { siret: string; name: string; endedOn: string }[];
  absent: DirectoryDiff['absent'];
  unchanged: number;
}

export interface ImportDirectoryProps {
  db: Db;
  /** The national administration; null for the command-line operator. */
  actor: Actor | null;
  checked: CheckedDirectory;
  dryRun?: boolean;
  /** The day the file is read on (AAAA-MM-JJ): approvals ended before it end their structure. */
  today?: string;
}

/**
 * Imports a checked directory file, all or nothing: the difference with the directory is computed and, unless
 * it is a dry run or any row has a problem, applied in one transaction with one audit event per structure
 * changed. Nothing is deleted.
 * @example const report = await importDirectory({ db, actor, checked: await checkDirectoryFile(bytes), dryRun: true });
 */
export async function importDirectory(p: ImportDirectoryProps): Promise<DirectoryReport> {
  if (p.actor && !p.actor.memberships.some((m) => m.role === 'national_admin')) {
    throw new AppError(p.actor.userId ? 'forbidden' : 'unauthenticated', 'Seule l’administration nationale importe l’annuaire des structures.');
  }
  const today = p.today ?? new Date().toISOString().slice(0, 10);
  const diff = diffDirectory(p.checked.entries, await currentDirectory(p.db), today);
  const problems = [...p.checked.problems, ...diff.problems].sort((a, b) => a.row - b.row || a.cell.localeCompare(b.cell));
  const report: DirectoryReport = {
    rows: p.checked.rows, dryRun: Boolean(p.dryRun), stored: false, problems,
    created: diff.created.map((c) => ({ row: c.entry.row, siret: c.entry.siret, name: c.entry.name, communeCode: c.entry.communeCode, kind: c.entry.kind, endedOn: c.endedOn, splitFrom: c.splitFrom })),
    updated: diff.updated.map((u) => ({ id: u.id, row: u.entry.row, siret: u.entry.siret, name: u.entry.name, changes: u.changes, tookOver: u.tookOver, splitFrom: u.splitFrom })),
    takenOver: diff.takenOver,
    ended: [
      ...diff.created.filter((c) => c.endedOn).map((c) => ({ siret: c.entry.siret, name: c.entry.name, endedOn: c.endedOn! })),
      ...diff.updated.filter((u) => u.endedOn && u.changes.some((c) => c.field === 'endedOn')).map((u) => ({ siret: u.entry.siret, name: u.entry.name, endedOn: u.endedOn! })),
    ],
    absent: diff.absent, unchanged: diff.unchanged,
  };
  if (problems.length > 0 || p.dryRun) return report;
  await ensureGeography(p.db);
  const communes = officialCommunes();
  const applied = await applyDirectoryDiff(p.db, diff, { actorId: p.actor?.userId ?? null, today, populationOf: (code) => communes.get(code)?.population ?? 0 });
  await appendAudit(p.db, { actorId: p.actor?.userId ?? null, action: 'directory.import', entity: 'directory', entityId: today, data: { rows: report.rows, ...applied, unchanged: diff.unchanged, absent: diff.absent.length } });
  report.stored = true;
  return report;
}
