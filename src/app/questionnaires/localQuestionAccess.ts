import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { getDepartement, getRegion } from '../../db/territory.repo';
import { AppError } from '../../domain/errors';
import type { LocalLevel } from '../../domain/localQuestions/namespace';
import type { Actor } from '../../domain/roles';
import { localQuestionPolicy, type LocalTerritoryRef } from '../../policies/localQuestion';

export type Campaign = NonNullable<Awaited<ReturnType<typeof getCampaignByYear>>>;

/**
 * Finds the campaign and the territory asked for, and checks the actor manages that territory's local
 * questions; with `write`, also that the campaign is still being prepared (local questions freeze when
 * it opens, like the national ones).
 * @example const { campaign, territory } = await authorizeLocalQuestions({ db, actor, year: 2026, level: 'departement', code: '69', write: true });
 */
export async function authorizeLocalQuestions(p: { db: Db; actor: Actor; year: number; level: LocalLevel; code: string; write: boolean }): Promise<{ campaign: Campaign; territory: LocalTerritoryRef }> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer les questions locales.');
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
  let territory: LocalTerritoryRef;
  if (p.level === 'region') {
    if (!(await getRegion(p.db, p.code))) throw new AppError('not_found', `Région introuvable : ${p.code}.`);
    territory = { level: 'region', code: p.code };
  } else {
    const d = await getDepartement(p.db, p.code);
    if (!d) throw new AppError('not_found', `Département introuvable : ${p.code}.`);
    territory = { level: 'departement', code: d.code, regionCode: d.region_code };
  }
  if (!localQuestionPolicy.manage(p.actor, territory)) {
    throw new AppError('forbidden', 'Vous ne pouvez gérer les questions locales que de votre territoire.');
  }
  if (p.write && campaign.state !== 'preparation') {
    throw new AppError('conflict', `La campagne ${campaign.year} n’est plus en préparation : ses questions locales sont figées, comme le questionnaire national.`);
  }
  if (p.write && !campaign.questionnaire_id) throw new AppError('conflict', 'Aucun questionnaire national n’est associé à cette campagne.');
  return { campaign, territory };
}
