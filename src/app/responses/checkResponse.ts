import type { Db } from '../../db/connection';
import { externalValuesOf } from '../../db/external.repo';
import { listAnswers, listComments, previousAnswers } from '../../db/response.repo';
import { AppError } from '../../domain/errors';
import { validateResponse } from '../../domain/questionnaire/validate';
import type { ResponseContext } from './responseAccess';
import { responseQuestionnaire } from './responseQuestionnaire';

/**
 * Validates a whole response with its own questionnaire version, last year's answers (for `prev`) and
 * the justifications already written for warnings.
 */
export async function checkResponse(db: Db, r: ResponseContext, options: { partial: boolean }) {
  if (!r.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.');
  const { catalog } = await responseQuestionnaire(db, r);
  const [answers, previous, justifications, external] = await Promise.all([
    listAnswers(db, r.id), previousAnswers(db, r.structure_id, r.year), listComments(db, r.id), externalValuesOf(db, r.year, [r.structure_id]),
  ]);
  const comments: Record<string, string> = {};
  for (const c of justifications) if (c.kind === 'justification') comments[c.code] = c.body;
  const values = Object.fromEntries(answers.map((a) => [a.code, a.value]));
  return validateResponse(catalog, values, { previous, ...(external.has(r.structure_id) ? { external: external.get(r.structure_id) } : {}) }, { partial: options.partial, comments });
}
