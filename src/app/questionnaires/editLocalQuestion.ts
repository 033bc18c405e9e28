import type { Db } from '../../db/connection';
import { getLocalQuestion, listLocalQuestions, updateLocalQuestion } from '../../db/localQuestion.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import { prepareLocalElement } from '../../domain/localQuestions/element';
import { checkLocalQuestions } from '../../domain/localQuestions/merge';
import { localCode } from '../../domain/localQuestions/namespace';
import type { DefinitionElement } from '../../domain/questionnaire/types';
import type { Actor } from '../../domain/roles';
import { authorizeLocalQuestions } from './localQuestionAccess';
import { presentLocalQuestion } from './presentLocalQuestion';
import { questionnaireVersion } from './questionnaireVersions';
import { forgetLocalQuestions } from '../responses/responseQuestionnaire';

/**
 * Replaces the element of a local question (and renames it when `name` is given), while its campaign is
 * in preparation. The territory's other local questions must still load with it.
 * @example await editLocalQuestion({ db, actor, year: 2026, id: 3, element: { type: 'boolean', title: 'Jardin ou verger partagé ?', … } });
 */
export async function editLocalQuestion(p: { db: Db; actor: Actor; year: number; id: number; name?: string; element: Record<string, unknown> }) {
  const current = await getLocalQuestion(p.db, p.id);
  if (!current) throw new AppError('not_found', 'Question locale introuvable.');
  const { campaign, territory } = await authorizeLocalQuestions({ db: p.db, actor: p.actor, year: p.year, level: current.level, code: current.territory_code, write: true });
  if (current.campaign_id !== campaign.id) throw new AppError('not_found', 'Question locale introuvable.');
  const code = p.name === undefined ? current.code : localCode(territory, p.name);
  const others = (await listLocalQuestions(p.db, campaign.id, { level: territory.level, code: territory.code })).filter((q) => q.id !== current.id);
  if (others.some((q) => q.code === code)) throw new AppError('conflict', `La question locale « ${code} » existe déjà pour cette campagne.`);
  const element = prepareLocalElement(p.element, code, territory);
  const { definition } = await questionnaireVersion(p.db, campaign.questionnaire_id!);
  checkLocalQuestions(definition, [...others.map((q) => q.element as unknown as DefinitionElement), element]);
  const row = await updateLocalQuestion(p.db, current.id, { code, element, authorId: p.actor.userId });
  if (!row) throw new AppError('not_found', 'Question locale introuvable.');
  forgetLocalQuestions(p.db, campaign.id);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'local_question.edit', entity: 'local_question', entityId: row.id, data: { code, before: current.code } });
  return presentLocalQuestion(row, campaign.year);
}
