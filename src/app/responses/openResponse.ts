import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { ensureResponse, findResponseId, listAnswers, prefillAnswers, previousAnswers } from '../../db/response.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';
import { questionnaireVersion } from '../questionnaires/questionnaireVersions';
import { prefillFrom } from '../../domain/prefill';

/**
 * The response of a structure to a campaign. The structure's team opening it for the first time creates
 * it, prefilled with last year's answers marked "to confirm"; others only find an existing one.
 * @example const { responseId } = await openResponse({ db, actor, structureId: 1, year: 2025 });
 */
export async function openResponse(props: { db: Db; actor: Actor; structureId: number; year: number }) {
  const { db, actor } = props;
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour ouvrir le questionnaire.');
  const place = await getStructurePlace(db, props.structureId);
  if (!place || !structurePolicy.readPrivate(actor, place)) throw new AppError('not_found', 'Structure introuvable.');
  const campaign = await getCampaignByYear(db, props.year);
  if (!campaign) throw new AppError('not_found', 'Campagne introuvable.');
  const existing = await findResponseId(db, place.id, campaign.id);
  if (existing) {
    await prefillIfEmpty(db, existing, place.id, campaign.year, campaign.questionnaire_id);
    return { responseId: existing, created: false };
  }
  if (!structurePolicy.fill(actor, place)) throw new AppError('not_found', 'Cette structure n’a pas encore commencé sa réponse.');
  if (campaign.state !== 'open') throw new AppError('conflict', 'La campagne n’est pas ouverte à la saisie.');
  const responseId = await ensureResponse(db, place.id, campaign.id);
  await prefillIfEmpty(db, responseId, place.id, campaign.year, campaign.questionnaire_id);
  return { responseId, created: true };
}

async function prefillIfEmpty(db: Db, responseId: number, structureId: number, year: number, questionnaireId: number | null) {
  if (!questionnaireId) return;
  if ((await listAnswers(db, responseId)).length > 0) return;
  const { catalog } = await questionnaireVersion(db, questionnaireId);
  await prefillAnswers(db, responseId, prefillFrom(catalog, await previousAnswers(db, structureId, year)));
}
