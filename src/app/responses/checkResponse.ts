import type { Db } from '../../db/connection';
import { externalValuesOf } from '../../db/external.repo';
import { validationInputs } from '../../db/response.repo';
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
  // One statement for the response's own inputs, one for the external data sets: side by side.
  const [inputs, external] = await Promise.all([
    validationInputs(db, { id: r.id, structureId: r.structure_id, year: r.year }), externalValuesOf(db, r.year, [r.structure_id]),
  ]);
  const { answers: values, previous, justifications: comments } = inputs;
  return validateResponse(catalog, values, { previous, ...(external.has(r.structure_id) ? { external: external.get(r.structure_id) } : {}) }, { partial: options.partial, comments });
}
