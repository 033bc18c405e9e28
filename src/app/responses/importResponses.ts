import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { getCampaignByYear } from '../../db/campaign.repo';
import { answersOfStructures, findStructuresBySiret, writeImportedAnswers } from '../../db/interchange.repo';
import { localCodesOfCampaign } from '../../db/localQuestion.repo';
import { AppError } from '../../domain/errors';
import { formatOf, type AnswerTable, type TableFormat } from '../../domain/interchange/answerTable';
import { readAnswerTable } from '../files/answerTableFile';
import { checkUploadBounds } from '../files/checkUploadBounds';
import { cellToValue } from '../../domain/interchange/cellValue';
import { validateAnswer } from '../../domain/questionnaire/answer';
import type { Actor } from '../../domain/roles';
import { isValidSiret } from '../../domain/siret';
import { structurePolicy } from '../../policies/structure';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';
import { responseQuestionnaire } from './responseQuestionnaire';

/** One problem of an imported file, where a spreadsheet shows it. */
export interface ImportProblem {
  row: number;
  column: string;
  /** Spreadsheet reference, e.g. `D7`; the row alone (`7`) for a problem of the whole row. */
  cell: string;
  message: string;
}

export interface ImportReport {
  year: number;
  rows: number;
  /** Non-empty answer cells read. */
  answers: number;
  /** Answers actually changed (0 unless stored). */
  written: number;
  responsesCreated: number;
  stored: boolean;
  dryRun: boolean;
  problems: ImportProblem[];
}

export interface ImportResponsesProps {
  db: Db;
  /** Who imports: their territory limits the rows; null for the command-line operator (everything). */
  actor: Actor | null;
  year: number;
  bytes: Uint8Array;
  format?: TableFormat;
  dryRun?: boolean;
}

/** Columns that describe the row, not answers. */
const siretColumn = 'siret';
const informative = new Set(['structure', 'nom']);

const letters = (index: number): string => (index < 26 ? '' : letters(Math.floor(index / 26) - 1)) + String.fromCharCode(65 + (index % 26));

/**
 * Imports a table of answers (one row per structure by SIRET, one column per code) into a campaign.
 * Every cell is checked like an autosave, against the questionnaire of that structure (national + its
 * local questions); a file with any problem stores nothing, and `dryRun` never stores.
 * @example const report = await importResponses({ db, actor: null, year: 2024, bytes: await readFile('reponses.csv'), dryRun: true });
 * report.problems; // [{ row: 7, column: 'rh.etp.animation', cell: 'D7', message: '« ETP : Animation » : un nombre est attendu.' }]
 */
export async function importResponses(p: ImportResponsesProps): Promise<ImportReport> {
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  if (!campaign.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
  // Bounded before parsing: an oversized table is refused at once instead of holding the server.
  await checkUploadBounds(p.bytes, p.format ?? formatOf(p.bytes));
  const table = await readAnswerTable(p.bytes, p.format);
  const problems: ImportProblem[] = [];
  const report: ImportReport = { year: p.year, rows: table.rows.length, answers: 0, written: 0, responsesCreated: 0, stored: false, dryRun: Boolean(p.dryRun), problems };

  const { catalog: national } = await questionnaireVersion(p.db, campaign.questionnaire_id);
  const localCodes = new Set(await localCodesOfCampaign(p.db, campaign.id));
  const siretIndex = table.columns.findIndex((c) => c.toLowerCase() === siretColumn);
  if (siretIndex < 0) throw new AppError('validation_failed', 'La première ligne doit nommer les colonnes, dont une colonne « siret » qui identifie chaque structure.');
  const answerColumns = checkHeader(table, siretIndex, (code) => Boolean(national.questions[code]) || localCodes.has(code), problems);

  const rows = await resolveStructures(p, table, siretIndex, problems);
  const current = await answersOfStructures(p.db, campaign.id, [...new Set(rows.map((r) => r.structure.id))]);
  const answers: { structureId: number; code: string; value: unknown }[] = [];
  // A campaign in preparation is not cached by responseQuestionnaire: load each place once here.
  const byPlace = new Map<string, ReturnType<typeof responseQuestionnaire>>();
  const questionnaireOf = (s: Place) => {
    const key = `${s.departement_code}/${s.region_code}`;
    if (!byPlace.has(key)) byPlace.set(key, responseQuestionnaire(p.db, { campaign_id: campaign.id, campaign_state: campaign.state, questionnaire_id: campaign.questionnaire_id, departement_code: s.departement_code, region_code: s.region_code }));
    return byPlace.get(key)!;
  };
  for (const { row, cells, structure } of rows) {
    const { catalog } = await questionnaireOf(structure);
    for (const { index, code } of answerColumns) {
      const value = cellToValue(catalog.questions[code], cells[index] ?? null);
      if (value === undefined) continue;
      report.answers++;
      const found = validateAnswer(catalog, code, value);
      for (const f of found) problems.push({ row, column: code, cell: `${letters(index)}${row}`, message: f.message });
      if (found.length === 0 && !sameValue(current.get(structure.id)?.get(code), value)) answers.push({ structureId: structure.id, code, value });
    }
  }
  problems.sort((a, b) => a.row - b.row || a.cell.length - b.cell.length || a.cell.localeCompare(b.cell));
  if (problems.length > 0 || p.dryRun) return report;
  const result = await writeImportedAnswers(p.db, { campaignId: campaign.id, authorId: p.actor?.userId ?? null, answers });
  Object.assign(report, result, { stored: true });
  await appendAudit(p.db, { actorId: p.actor?.userId ?? null, action: 'responses.import', entity: 'campaign', entityId: campaign.year, data: { rows: report.rows, written: result.written } });
  return report;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** Answer columns of the header; unknown or repeated codes are problems of row 1. */
function checkHeader(table: AnswerTable, siretIndex: number, known: (code: string) => boolean, problems: ImportProblem[]) {
  const seen = new Set<string>();
  const columns: { index: number; code: string }[] = [];
  table.columns.forEach((code, index) => {
    if (index === siretIndex || informative.has(code.toLowerCase())) return;
    const cell = `${letters(index)}1`;
    if (!code) { if (table.rows.some((r) => r.cells[index] !== null && String(r.cells[index]).trim() !== '')) problems.push({ row: 1, column: '', cell, message: 'Colonne sans nom : indiquez le code de la question en première ligne.' }); return; }
    if (seen.has(code)) problems.push({ row: 1, column: code, cell, message: `La colonne « ${code} » apparaît deux fois.` });
    else if (!known(code)) problems.push({ row: 1, column: code, cell, message: `« ${code} » n’est pas une question du questionnaire de cette campagne.` });
    else columns.push({ index, code });
    seen.add(code);
  });
  return columns;
}

type Place = Awaited<ReturnType<typeof findStructuresBySiret>>[number];

/** The structure of each row by its SIRET: checked (Luhn), known, once in the file, in the actor's territory. */
async function resolveStructures(p: ImportResponsesProps, table: AnswerTable, siretIndex: number, problems: ImportProblem[]) {
  const siretOf = (cells: AnswerTable['rows'][number]['cells']) => String(cells[siretIndex] ?? '').replace(/[\s\u00a0\u202f]/g, '');
  const known = new Map((await findStructuresBySiret(p.db, table.rows.map((r) => siretOf(r.cells)).filter(isValidSiret))).map((s) => [s.siret!, s]));
  const firstRow = new Map<string, number>();
  const rows: { row: number; cells: AnswerTable['rows'][number]['cells']; structure: Place }[] = [];
  const column = table.columns[siretIndex];
  for (const { row, cells } of table.rows) {
    const siret = siretOf(cells);
    const cell = `${letters(siretIndex)}${row}`;
    const problem = (message: string) => problems.push({ row, column, cell, message });
    if (!isValidSiret(siret)) { problem(`SIRET invalide « ${siret} » : 14 chiffres dont le dernier est une clé de contrôle.`); continue; }
    const structure = known.get(siret);
    if (!structure) { problem(`SIRET ${siret} inconnu : aucune structure de l’annuaire ne porte ce numéro.`); continue; }
    if (firstRow.has(siret)) { problem(`SIRET ${siret} déjà présent ligne ${firstRow.get(siret)} : une seule ligne par structure.`); continue; }
    firstRow.set(siret, row);
    const place = { id: structure.id, departementCode: structure.departement_code, regionCode: structure.region_code };
    if (p.actor && !structurePolicy.review(p.actor, place)) { problem(`« ${structure.name} » (${siret}) est hors de votre territoire : vous ne pouvez pas importer ses réponses.`); continue; }
    rows.push({ row, cells, structure });
  }
  return rows;
}
