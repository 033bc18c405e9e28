import type { Db } from '../../db/connection';
import { listCampaigns } from '../../db/campaign.repo';
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

/**
 * Loads the questionnaire of every campaign before the server answers anyone: building one takes 100–200 ms of
 * the event loop, which the first autosave, check or import of a year would otherwise make every other request
 * wait for. Answers how many were loaded; a questionnaire that fails to load is left to its first use (which says why).
 * @example await warmQuestionnaires(db); // before listening
 */
export async function warmQuestionnaires(db: Db): Promise<number> {
  const ids = [...new Set((await listCampaigns(db)).map((c) => c.questionnaire_id).filter((id): id is number => id !== null))];
  const loaded = await Promise.allSettled(ids.map((id) => questionnaireVersion(db, id)));
  return loaded.filter((r) => r.status === 'fulfilled').length;
}
