import type { Db } from '../../db/connection';
import { getQuestionnaireDefinition } from '../../db/questionnaire.repo';
import { loadVersion, type QuestionnaireVersion } from '../../domain/questionnaire/catalog';
import type { QuestionnaireDefinition } from '../../domain/questionnaire/types';
import { AppError } from '../../domain/errors';

/** Stored versions never change once a campaign uses them, so a loaded version is kept for the process. */
const caches = new WeakMap<Db, Map<number, Promise<QuestionnaireVersion>>>();

/**
 * The questionnaire version a response was filled with, loaded and cached.
 * @example const { catalog } = await questionnaireVersion(db, campaign.questionnaire_id);
 */
export function questionnaireVersion(db: Db, id: number): Promise<QuestionnaireVersion> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let p = cache.get(id);
  if (!p) {
    p = (async () => {
      const row = await getQuestionnaireDefinition(db, id);
      if (!row) throw new AppError('not_found', 'Questionnaire introuvable.');
      return loadVersion(row.definition as unknown as QuestionnaireDefinition);
    })();
    p.catch(() => cache!.delete(id));
    cache.set(id, p);
  }
  return p;
}
