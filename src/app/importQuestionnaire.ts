import type { Db } from '../db/connection';
import { appendAudit } from '../db/audit.repo';
import { getCampaignByYear } from '../db/campaign.repo';
import { insertQuestionnaire, linkCampaignQuestionnaire, nextQuestionnaireVersion } from '../db/questionnaire.repo';
import { AppError } from '../domain/errors';
import { isLocalCode } from '../domain/localQuestions/namespace';
import { loadVersion } from '../domain/questionnaire/catalog';
import { fromXlsForm } from '../domain/questionnaire/xlsform';
import { readXlsForm } from '../domain/questionnaire/xlsformFile';
import { checkUploadBounds } from '../domain/interchange/uploadBounds';
import { formatOf } from '../domain/interchange/answerTable';
import type { ImportIssue } from '../domain/questionnaire/xlsformTypes';
import type { XlsForm } from '../domain/questionnaire/xlsformTypes';

export interface QuestionnaireImportReport {
  year: number;
  questions: number;
  rules: number;
  /** Constructs of the form left out or changed (unsupported types, functions…), with sheet and row. */
  issues: ImportIssue[];
  /** Defects that prevent storing it (the loaded questionnaire is not valid). */
  defects: string[];
  stored: boolean;
  version?: number;
  /** The campaign of that year now uses this version (it was in preparation). */
  linkedCampaign?: boolean;
}

/**
 * Reads an XLSForm workbook, reports what it cannot carry and whether the questionnaire loads; without
 * `dryRun`, stores it as the next version of its year (and makes it the version of that year's campaign
 * when it is still in preparation). A campaign already open or closed keeps the version its responses
 * were filled with: the import is refused.
 * @example const report = await importQuestionnaire({ db, bytes: await readFile('q2026.xlsx'), dryRun: true });
 */
export async function importQuestionnaire(p: { db: Db; bytes: Uint8Array; dryRun: boolean; year?: number }): Promise<QuestionnaireImportReport> {
  let form: XlsForm;
  if (formatOf(p.bytes) === 'xlsx') await checkUploadBounds(p.bytes, 'xlsx');
  try {
    form = await readXlsForm(p.bytes);
  } catch {
    throw new AppError('validation_failed', 'Le fichier n’est pas un classeur XLSForm (.xlsx) lisible.');
  }
  if (!form.survey) throw new AppError('validation_failed', 'Le classeur n’a pas de feuille « survey » : ce n’est pas un XLSForm.');
  const { definition, issues } = fromXlsForm(form);
  if (p.year !== undefined) definition.senacs = { ...definition.senacs, year: p.year };
  const year = definition.senacs.year;
  const report: QuestionnaireImportReport = { year, questions: 0, rules: 0, issues, defects: [], stored: false };
  if (!Number.isInteger(year) || year < 2000 || year > 2100) report.defects.push('année absente ou invalide (colonne « year » de la feuille settings, ou option --year)');
  try {
    const { catalog } = loadVersion(definition);
    report.questions = Object.keys(catalog.questions).length;
    report.rules = catalog.rules.length;
    for (const code of Object.keys(catalog.questions)) if (isLocalCode(code)) report.defects.push(`${code} : les codes « local. » sont réservés aux questions locales`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report.defects.push(...(Array.isArray(error.details) ? (error.details as string[]) : [error.message]));
  }
  const campaign = report.defects.length === 0 ? await getCampaignByYear(p.db, year) : undefined;
  if (campaign && campaign.state !== 'preparation') {
    const refusal = `la campagne ${year} est ${campaign.state === 'open' ? 'ouverte' : 'close'} : ses réponses gardent la version avec laquelle elles sont remplies`;
    if (!p.dryRun) throw new AppError('conflict', `Import refusé : ${refusal}.`, report);
    report.defects.push(refusal);
  }
  if (p.dryRun || report.defects.length > 0) return report;
  const version = await nextQuestionnaireVersion(p.db, year);
  const id = await insertQuestionnaire(p.db, { year, version, definition });
  if (campaign) await linkCampaignQuestionnaire(p.db, year, id);
  await appendAudit(p.db, { actorId: null, action: 'questionnaire.import', entity: 'questionnaire', entityId: id, data: { year, version, issues: issues.length } });
  return { ...report, stored: true, version, linkedCampaign: Boolean(campaign) };
}
