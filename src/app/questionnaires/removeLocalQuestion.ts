import type { Db } from '../../db/connection';
import { deleteLocalQuestion, getLocalQuestion, listLocalQuestions } from '../../db/localQuestion.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { checkLocalQuestions } from '../../domain/localQuestions/merge';
import type { DefinitionElement } from '../../domain/questionnaire/types';
import type { Actor } from '../../domain/roles';
import { authorizeLocalQuestions } from './localQuestionAccess';
import { questionnaireVersion } from './questionnaireVersions';
import { forgetLocalQuestions } from '../responses/responseQuestionnaire';

/**
 * Removes a local question while its campaign is in preparation; refused when another local question
 * of the territory still reads it.
 * @example await removeLocalQuestion({ db, actor, year: 2026, id: 3 });
 */
export async function removeLocalQuestion(p: { db: Db; actor: Actor; year: number; id: number }) {
  const current = await getLocalQuestion(p.db, p.id);
  if (!current) throw new AppError('not_found', 'Question locale introuvable.');
  const { campaign, territory } = await authorizeLocalQuestions({ db: p.db, actor: p.actor, year: p.year, level: current.level, code: current.territory_code, write: true });
  if (current.campaign_id !== campaign.id) throw new AppError('not_found', 'Question locale introuvable.');
  const others = (await listLocalQuestions(p.db, campaign.id, { level: territory.level, code: territory.code })).filter((q) => q.id !== current.id);
  const { definition } = await questionnaireVersion(p.db, campaign.questionnaire_id!);
  try {
    checkLocalQuestions(definition, others.map((q) => q.element as unknown as DefinitionElement));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError('conflict', `« ${current.code} » est lue par une autre question locale : modifiez-la d’abord. ${error.message}`);
  }
  if (!(await deleteLocalQuestion(p.db, current.id))) throw new AppError('not_found', 'Question locale introuvable.');
  forgetLocalQuestions(p.db, campaign.id);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'local_question.remove', entity: 'local_question', entityId: current.id, data: { code: current.code, element: current.element } });
  return { id: current.id, removed: true };
}
