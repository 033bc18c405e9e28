/**
 * An external file, from bytes to rows ready to store, with every problem found: encoding, missing
 * columns, malformed numbers, wrong year, duplicate identifiers, unknown structures. Pure: the directory
 * is given. A file with any problem is stored not at all (the use case checks `problems.length`).
 */
import type { AnswerTable } from '../interchange/answerTable';
import { checkMapping, columnLetters, guessMapping } from './mapping';
import { indexDirectory, matchRow, type DirectoryEntry, type MatchOptions } from './matching';
import { normaliseText } from './names';
import { parseFrenchNumber } from './numbers';
import type { DatasetMapping, ExternalRowInput, ExternalValue, FileProblem, RowMatch } from './types';

/**
 * The separator of a CSV from its header line (papaparse's own guess fails on very short files):
 * the most frequent of « ; », tab and « , » outside quotes.
 * @example delimiterOf('SIRET;ETP\n1;2') // ';'
 */
export function delimiterOf(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', '\t', ','].map((d) => [d, header.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

export interface AnalysedRow extends ExternalRowInput { match: RowMatch }

export interface FileAnalysis {
  mapping: DatasetMapping;
  rows: AnalysedRow[];
  problems: FileProblem[];
  /** Usable rows with something to know (invalid SIRET matched by name…). */
  notes: { line: number; message: string }[];
  counts: { rows: number; siret: number; name: number; proposals: number; unknown: number };
}

/**
 * What identifies a row of an external file from one file to the next (lines move): its SIRET, else its
 * name and commune, compared as the matcher compares them (normaliseText: no case, accents, punctuation).
 * @example rowIdentity({ siret: null, name: 'Les Tilleuls ', commune: 'Saint-Étienne' }) // '|les tilleuls|saint etienne'
 */
export function rowIdentity(row: Pick<ExternalRowInput, 'siret' | 'name' | 'commune'>): string {
  return `${row.siret ?? ''}|${normaliseText(row.name)}|${normaliseText(row.commune)}`;
}

/**
 * Reads every row with the mapping, checks it and matches it to the directory.
 * `confirmations` (line → structure id, or null to reject a proposal) come from a person's review of
 * this file; `remembered` (row identity → structure id or null) are the decisions a person took on the
 * same rows of an earlier file of the data set — both apply only where matching alone would propose.
 * @example analyseTable(table, guessMapping(table), { year: 2024, directory })
 */
export function analyseTable(table: AnswerTable, mapping: DatasetMapping, p: {
  year: number; directory: readonly DirectoryEntry[]; confirmations?: ReadonlyMap<number, number | null>; matchOptions?: MatchOptions;
  remembered?: ReadonlyMap<string, number | null>;
  onProgress?: (done: number, total: number) => void;
}): FileAnalysis {
  const problems = checkMapping(table.columns, mapping);
  const counts = { rows: table.rows.length, siret: 0, name: 0, proposals: 0, unknown: 0 };
  const notes: FileAnalysis['notes'] = [];
  if (problems.length > 0) return { mapping, rows: [], problems, notes, counts };
  const col = (role: string) => mapping.columns.find((c) => c.role === role && c.column);
  const indexOf = (column: string) => table.columns.indexOf(column);
  const [siretCol, nameCol, communeCol, yearCol] = (['siret', 'name', 'commune', 'year'] as const).map((r) => col(r));
  const valueCols = mapping.columns.filter((c) => c.role === 'number' || c.role === 'text').map((c) => ({ ...c, index: indexOf(c.column) }));
  const text = (cells: AnswerTable['rows'][number]['cells'], c: { column: string } | undefined) => (c ? String(cells[indexOf(c.column)] ?? '').trim() : '');
  const problem = (line: number, column: string, kind: FileProblem['kind'], message: string) =>
    problems.push({ line, column, cell: column ? `${columnLetters(indexOf(column))}${line}` : String(line), kind, message });

  const directory = indexDirectory(p.directory);
  const rows: AnalysedRow[] = [];
  const siretLine = new Map<string, number>();
  const structureLine = new Map<number, number>();
  const nameLine = new Map<string, number>();
  table.rows.forEach(({ row: line, cells }, i) => {
    if (i % 500 === 0) p.onProgress?.(i, table.rows.length);
    const siret = text(cells, siretCol).replace(/[\s\u00a0\u202f.]/g, '') || null;
    const name = text(cells, nameCol), commune = text(cells, communeCol);
    if (yearCol) {
      const y = parseFrenchNumber(cells[indexOf(yearCol.column)] ?? null);
      if (y && (!y.ok || y.value !== p.year)) problem(line, yearCol.column, 'wrong_year', `Année « ${String(cells[indexOf(yearCol.column)])} » : ce jeu de données est importé pour ${p.year}.`);
    }
    const values: Record<string, ExternalValue> = {};
    let malformed = false;
    for (const c of valueCols) {
      const cell = cells[c.index] ?? null;
      if (c.role === 'text') { values[c.field!] = cell === null || String(cell).trim() === '' ? null : String(cell).trim(); continue; }
      const n = parseFrenchNumber(cell);
      if (n && !n.ok) { problem(line, c.column, 'malformed_number', `Nombre mal formé : ${n.message}.`); malformed = true; continue; }
      values[c.field!] = n ? n.value : null;
    }
    if (!siret && !name) { problem(line, siretCol?.column ?? nameCol?.column ?? '', 'unknown_structure', 'Ligne sans SIRET ni nom : impossible de savoir de quelle structure il s’agit.'); return; }
    if (siret) {
      const first = siretLine.get(siret);
      if (first !== undefined) { problem(line, siretCol!.column, 'duplicate', `SIRET ${siret} déjà présent ligne ${first} : une seule ligne par structure.`); return; }
      siretLine.set(siret, line);
    } else {
      const key = `${name.toLowerCase()}|${commune.toLowerCase()}`;
      const first = nameLine.get(key);
      if (first !== undefined) { problem(line, nameCol!.column, 'duplicate', `« ${name} » (${commune || 'sans commune'}) déjà présent ligne ${first} : une seule ligne par structure.`); return; }
      nameLine.set(key, line);
    }
    let match = matchRow(directory, { siret, name, commune }, p.matchOptions);
    const confirmed = p.confirmations?.has(line) ? p.confirmations.get(line)
      : match.method === 'proposal' ? p.remembered?.get(rowIdentity({ siret, name, commune })) : undefined;
    if (confirmed !== undefined && match.method !== 'siret') {
      match = confirmed === null ? { ...match, structureId: null, method: 'rejected' } : { ...match, structureId: confirmed, method: 'confirmed' };
    }
    if (match.note) notes.push({ line, message: match.note });
    if (match.method === 'none') {
      counts.unknown++;
      const hint = match.candidates[0] ? ` (le plus proche : « ${match.candidates[0].name} », ${match.candidates[0].commune}, ressemblance ${Math.round(match.candidates[0].score * 100)} %)` : '';
      problem(line, nameCol?.column ?? siretCol?.column ?? '', 'unknown_structure', `Structure inconnue : « ${name || siret} »${commune ? ` à ${commune}` : ''} ne correspond à aucune structure de l’annuaire${hint}.`);
    } else if (match.structureId !== null && match.method !== 'proposal') {
      const first = structureLine.get(match.structureId);
      if (first !== undefined) problem(line, nameCol?.column ?? siretCol?.column ?? '', 'duplicate', `Cette ligne désigne la même structure (« ${match.candidates.find((c) => c.structureId === match.structureId)?.name ?? match.structureId} ») que la ligne ${first}.`);
      else structureLine.set(match.structureId, line);
    }
    if (match.method === 'siret') counts.siret++;
    else if (match.method === 'name' || match.method === 'confirmed') counts.name++;
    else if (match.method === 'proposal') counts.proposals++;
    if (!malformed) rows.push({ line, siret, name, commune, values, match });
  });
  p.onProgress?.(table.rows.length, table.rows.length);
  problems.sort((a, b) => a.line - b.line || a.cell.length - b.cell.length || a.cell.localeCompare(b.cell));
  return { mapping, rows, problems, notes, counts };
}

export { guessMapping };
