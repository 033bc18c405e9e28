import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { latestQuestionnaireOfYear } from '../../db/questionnaire.repo';
import { AppError } from '../../domain/errors';
import { readDefinition } from './readDefinition';
import { loadVersion, type QuestionnaireVersion } from '../../domain/questionnaire/catalog';
import type { QuestionnaireDefinition } from '../../domain/questionnaire/types';
import { questionnaireVersion } from './questionnaireVersions';

/**
 * The national questionnaire of a year: the version its campaign uses, else the newest stored one,
 * else the file under questionnaires/<year>/.
 * @example const { definition, catalog } = await yearQuestionnaire(db, 2024);
 */
export async function yearQuestionnaire(db: Db, year: number): Promise<QuestionnaireVersion & { source: 'campaign' | 'stored' | 'file'; version?: number }> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('not_found', `Aucun questionnaire pour l’année ${year}.`);
  const campaign = await getCampaignByYear(db, year);
  if (campaign?.questionnaire_id) return { ...(await questionnaireVersion(db, campaign.questionnaire_id)), source: 'campaign' };
  const stored = await latestQuestionnaireOfYear(db, year);
  if (stored) return { ...(await questionnaireVersion(db, stored.id)), source: 'stored', version: stored.version };
  return { ...loadVersion(await readDefinition(year) as QuestionnaireDefinition), source: 'file' };
}
