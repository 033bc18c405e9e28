import type { Db } from '../../db/connection';
import { insertLocalQuestion, listLocalQuestions } from '../../db/localQuestion.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { prepareLocalElement } from '../../domain/localQuestions/element';
import { checkLocalQuestions } from '../../domain/localQuestions/merge';
import { localCode, type LocalLevel } from '../../domain/localQuestions/namespace';
import type { DefinitionElement } from '../../domain/questionnaire/types';
import type { Actor } from '../../domain/roles';
import { authorizeLocalQuestions } from './localQuestionAccess';
import { presentLocalQuestion } from './presentLocalQuestion';
import { questionnaireVersion } from './questionnaireVersions';
import { forgetLocalQuestions } from '../responses/responseQuestionnaire';

export interface AddLocalQuestionProps {
  db: Db; actor: Actor; year: number; level: LocalLevel; code: string;
  /** Short name; the stored code is `local.<territory>.<name>`. */
  name: string;
  /** SurveyJS question JSON with our metadata (unit, aggregate, disclosure, section). */
  element: Record<string, unknown>;
}

/**
 * Adds a local question to a campaign in preparation, for the structures of one territory. The element
 * is checked by loading the national questionnaire with the territory's local questions.
 * @example await addLocalQuestion({ db, actor, year: 2026, level: 'departement', code: '69', name: 'jardins', element: { type: 'boolean', title: 'Jardin partagé ?', unit: 'yesno', aggregate: 'share', disclosure: 'count', section: 'actions' } });
 */
export async function addLocalQuestion(p: AddLocalQuestionProps) {
  const { campaign, territory } = await authorizeLocalQuestions({ ...p, write: true });
  const code = localCode(territory, p.name);
  const existing = await listLocalQuestions(p.db, campaign.id, { level: territory.level, code: territory.code });
  if (existing.some((q) => q.code === code)) throw new AppError('conflict', `La question locale « ${code} » existe déjà pour cette campagne.`);
  const element = prepareLocalElement(p.element, code, territory);
  const { definition } = await questionnaireVersion(p.db, campaign.questionnaire_id!);
  checkLocalQuestions(definition, [...existing.map((q) => q.element as unknown as DefinitionElement), element]);
  const row = await insertLocalQuestion(p.db, { campaignId: campaign.id, level: territory.level, territoryCode: territory.code, code, element, authorId: p.actor.userId });
  if (!row) throw new AppError('conflict', `La question locale « ${code} » existe déjà pour cette campagne.`);
  forgetLocalQuestions(p.db, campaign.id);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'local_question.add', entity: 'local_question', entityId: row.id, data: { code, year: campaign.year } });
  return presentLocalQuestion(row, campaign.year);
}
