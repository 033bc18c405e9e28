import type { Db } from '../../db/connection';
import { localQuestionsForPlace } from '../../db/localQuestion.repo';
import { AppError } from '../../domain/errors';
import { checkLocalQuestions } from '../../domain/localQuestions/merge';
import type { QuestionnaireVersion } from '../../domain/questionnaire/catalog';
import type { DefinitionElement } from '../../domain/questionnaire/types';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';

/** Where a response sits and which campaign it answers: what decides the questions it gets. */
export interface ResponsePlace {
  campaign_id: number;
  campaign_state: string;
  questionnaire_id: number | null;
  departement_code: string;
  region_code: string;
}

/**
 * Merged versions by campaign, then by "département/region". Local questions only change while a
 * campaign is in preparation, so versions are cached once it is open or closed; every write of a
 * local question also drops its campaign's entries (see {@link forgetLocalQuestions}).
 */
const caches = new WeakMap<Db, Map<number, Map<string, Promise<QuestionnaireVersion>>>>();

/**
 * The questionnaire a response is filled and validated with: its campaign's national version plus the
 * local questions of its département and region.
 * @example const { catalog, definition } = await responseQuestionnaire(db, await getResponseContext(db, id));
 */
export function responseQuestionnaire(db: Db, r: ResponsePlace): Promise<QuestionnaireVersion> {
  const questionnaireId = r.questionnaire_id;
  if (!questionnaireId) return Promise.reject(new AppError('conflict', 'Aucun questionnaire n’est associé à cette campagne.'));
  const build = async () => {
    const [national, locals] = await Promise.all([
      questionnaireVersion(db, questionnaireId),
      localQuestionsForPlace(db, r.campaign_id, r.departement_code, r.region_code),
    ]);
    if (locals.length === 0) return national;
    return checkLocalQuestions(national.definition, locals.map((l) => l.element as unknown as DefinitionElement));
  };
  if (r.campaign_state === 'preparation') return build();
  let byDb = caches.get(db);
  if (!byDb) caches.set(db, (byDb = new Map()));
  let byCampaign = byDb.get(r.campaign_id);
  if (!byCampaign) byDb.set(r.campaign_id, (byCampaign = new Map()));
  const key = `${r.departement_code}/${r.region_code}/${questionnaireId}`;
  let version = byCampaign.get(key);
  if (!version) {
    version = build();
    const entries = byCampaign;
    version.catch(() => entries.delete(key));
    byCampaign.set(key, version);
  }
  return version;
}

/**
 * Drops the cached versions of a campaign after one of its local questions changed.
 * @example forgetLocalQuestions(db, campaign.id);
 */
export function forgetLocalQuestions(db: Db, campaignId: number): void {
  caches.get(db)?.delete(campaignId);
}
