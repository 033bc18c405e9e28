import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { getCampaignByYear } from '../../db/campaign.repo';
import { insertQuestionnaire, linkCampaignQuestionnaire, nextQuestionnaireVersion } from '../../db/questionnaire.repo';
import { AppError } from '../../domain/errors';
import type { QuestionnaireDefinition } from '../../domain/questionnaire/types';
import { readQuestionnaireFile } from './readQuestionnaireFile';
import type { QuestionnaireFileReport } from './readQuestionnaireFile';

export interface QuestionnaireImportReport extends QuestionnaireFileReport {
  stored: boolean;
  version?: number;
  /** The campaign of that year now uses this version (it was in preparation). */
  linkedCampaign?: boolean;
}

/** A workbook already read and checked by {@link readQuestionnaireFile}, or its bytes. */
export type QuestionnaireSource = { bytes: Uint8Array; fileName?: string; year?: number } | { read: { definition: QuestionnaireDefinition; report: QuestionnaireFileReport } };

/**
 * Reads an XLSForm workbook (or takes one already read), reports what it cannot carry and whether the
 * questionnaire loads; without `dryRun`, stores it as the next version of its year (and makes it the
 * version of that year's campaign when it is still in preparation). A campaign already open or closed
 * keeps the version its responses were filled with: the import is refused.
 * @example const report = await importQuestionnaire({ db, bytes: await readFile('q2026.xlsx'), dryRun: true });
 */
export async function importQuestionnaire(p: { db: Db; dryRun: boolean } & QuestionnaireSource): Promise<QuestionnaireImportReport> {
  const { definition, report: read } = 'read' in p ? p.read : await readQuestionnaireFile(p);
  const report: QuestionnaireImportReport = { ...read, defects: [...read.defects], stored: false };
  const year = report.year;
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
  await appendAudit(p.db, { actorId: null, action: 'questionnaire.import', entity: 'questionnaire', entityId: id, data: { year, version, issues: report.issues.length } });
  return { ...report, stored: true, version, linkedCampaign: Boolean(campaign) };
}
