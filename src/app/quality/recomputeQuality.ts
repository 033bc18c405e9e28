import type { Db } from '../../db/connection';
import { qualityRows, storeQuality } from '../../db/quality.repo';
import { getResponseContext } from '../../db/response.repo';
import { checkResponse } from '../../domain/quality/engine';
import { campaignQualityContext, externalForRows, toCheck } from './qualityContext';
import { responseQuestionnaire } from '../responses/responseQuestionnaire';

/**
 * Re-checks one response with the cached campaign statistics and stores its findings and score. Answers
 * nothing for an unknown response.
 * @example const report = await recomputeQuality(db, 12); report?.score
 */
export async function recomputeQuality(db: Db, responseId: number) {
  const r = await getResponseContext(db, responseId);
  if (!r?.questionnaire_id) return undefined;
  const campaign = { id: r.campaign_id, year: r.year, questionnaire_id: r.questionnaire_id };
  const [context, [row], version] = await Promise.all([
    campaignQualityContext(db, campaign), qualityRows(db, campaign, [responseId]), responseQuestionnaire(db, r),
  ]);
  if (!row) return undefined;
  const external = await externalForRows(db, r.year, [row]);
  const report = checkResponse(toCheck(row, r.year, external), { ...context, questionnaire: version.catalog });
  await storeQuality(db, [{ responseId, score: report.score, findings: report.findings }]);
  return report;
}
