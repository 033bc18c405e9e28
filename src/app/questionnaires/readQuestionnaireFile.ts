import { AppError } from '../../domain/errors';
import { checkUploadBounds } from '../files/checkUploadBounds';
import { isLocalCode } from '../../domain/localQuestions/namespace';
import { loadVersion } from '../../domain/questionnaire/catalog';
import type { DefinitionElement, QuestionnaireDefinition } from '../../domain/questionnaire/types';
import { fromXlsForm } from '../../domain/questionnaire/xlsform';
import { readXlsForm } from './xlsformFile';
import type { ImportIssue, XlsForm } from '../../domain/questionnaire/xlsformTypes';

/** What reading an XLSForm file found, before anything touches the database. */
export interface QuestionnaireFileReport {
  year: number;
  questions: number;
  rules: number;
  /** Constructs of the form left out, changed or assumed (unsupported types, functions, default metadata…), with sheet, row and column. */
  issues: ImportIssue[];
  /** Defects that prevent storing it (the loaded questionnaire is not valid). */
  defects: string[];
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary signature: the old Excel 97-2003 .xls (and .doc) format. */
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
const refuse = (message: string) => new AppError('validation_failed', message);

/** Answerable questions of a definition (not notes, not panels), counted even when it does not load. */
function countQuestions(elements: DefinitionElement[]): number {
  return elements.reduce((n, e) => n + (e.elements ? countQuestions(e.elements) : e.type === 'html' ? 0 : 1), 0);
}

/** The workbook's sheets, or a French refusal saying what the file is instead. */
async function workbookOf(bytes: Uint8Array, fileName: string): Promise<XlsForm> {
  if (bytes.length === 0) throw refuse('Le fichier est vide (0 octet) : envoyez un formulaire XLSForm enregistré en .xlsx.');
  if (startsWith(bytes, oleSignature) || (/\.xls$/i.test(fileName) && !startsWith(bytes, zipSignature))) {
    throw refuse('Format .xls non pris en charge, enregistrez en .xlsx (Excel ou LibreOffice : « Enregistrer sous » › Classeur Excel .xlsx).');
  }
  if (!startsWith(bytes, zipSignature)) throw refuse('Le fichier n’est pas un classeur .xlsx (ce n’est pas une archive zip) : enregistrez le formulaire en .xlsx.');
  await checkUploadBounds(bytes, 'xlsx');
  try {
    return await readXlsForm(bytes);
  } catch {
    throw refuse('Le fichier est une archive zip mais pas un classeur .xlsx lisible : ouvrez-le dans un tableur et enregistrez-le en .xlsx.');
  }
}

/**
 * Reads and checks an XLSForm workbook without any database: refuses in French what is not a readable
 * .xlsx XLSForm (empty file, .xls, not a zip, no `survey` sheet or no `type`/`name` column), then converts
 * it and tells what was left out and whether the questionnaire loads. The CLI calls it before opening the
 * database, so a bad file is refused at once.
 * @example const { definition, report } = await readQuestionnaireFile({ bytes, fileName: 'form.xlsx', year: 2026 });
 */
export async function readQuestionnaireFile(p: { bytes: Uint8Array; fileName?: string; year?: number }): Promise<{ definition: QuestionnaireDefinition; report: QuestionnaireFileReport }> {
  const form = await workbookOf(p.bytes, p.fileName ?? '');
  const sheets = Object.keys(form);
  if (!form.survey) throw refuse(`Le classeur n’a pas de feuille « survey » (feuilles trouvées : ${sheets.map((s) => `« ${s} »`).join(', ') || 'aucune'}) : ce n’est pas un XLSForm.`);
  const headers = form.survey.columns.map((c) => c.trim().toLowerCase());
  for (const column of ['type', 'name']) {
    if (!headers.includes(column)) throw refuse(`Feuille « survey », ligne 1 : colonne « ${column} » absente (colonnes trouvées : ${form.survey.columns.join(', ') || 'aucune'}). Un XLSForm a au moins les colonnes type, name et label.`);
  }
  const { definition, issues } = fromXlsForm(form);
  if (p.year !== undefined) definition.senacs = { ...definition.senacs, year: p.year };
  const year = definition.senacs.year;
  const report: QuestionnaireFileReport = { year, questions: countQuestions(definition.pages), rules: 0, issues, defects: [] };
  if (!Number.isInteger(year) || year < 2000 || year > 2100) report.defects.push('année absente ou invalide (colonne « year » de la feuille settings, ou option --year)');
  if (report.questions === 0) report.defects.push('aucune question importable dans la feuille « survey »');
  try {
    const { catalog } = loadVersion(definition);
    report.rules = catalog.rules.length;
    for (const code of Object.keys(catalog.questions)) if (isLocalCode(code)) report.defects.push(`${code} : les codes « local. » sont réservés aux questions locales`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report.defects.push(...(Array.isArray(error.details) ? (error.details as string[]) : [error.message]));
  }
  return { definition, report };
}
