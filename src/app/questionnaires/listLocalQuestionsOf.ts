import type { Db } from '../../db/connection';
import { getCampaignByYear } from '../../db/campaign.repo';
import { listLocalQuestions } from '../../db/localQuestion.repo';
import { AppError } from '../../domain/errors';
import type { LocalLevel } from '../../domain/localQuestions/namespace';
import type { Actor } from '../../domain/roles';
import { localQuestionPolicy } from '../../policies/localQuestion';
import { authorizeLocalQuestions } from './localQuestionAccess';
import { presentLocalQuestion } from './presentLocalQuestion';

/**
 * The local questions of one territory for a campaign; without a territory, every territory's (national
 * admins only).
 * @example const { items } = await listLocalQuestionsOf({ db, actor, year: 2026, territory: { level: 'departement', code: '69' } });
 */
export async function listLocalQuestionsOf(p: { db: Db; actor: Actor; year: number; territory?: { level: LocalLevel; code: string } }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour consulter les questions locales.');
  if (!p.territory) {
    if (!localQuestionPolicy.listAll(p.actor)) throw new AppError('validation_failed', 'Précisez le territoire : level=departement|region et code.');
    const campaign = await getCampaignByYear(p.db, p.year);
    if (!campaign) throw new AppError('not_found', `Aucune campagne pour l’année ${p.year}.`);
    const items = (await listLocalQuestions(p.db, campaign.id)).map((r) => presentLocalQuestion(r, campaign.year));
    return { campaign: { year: campaign.year, state: campaign.state }, items, total: items.length };
  }
  const { campaign, territory } = await authorizeLocalQuestions({ db: p.db, actor: p.actor, year: p.year, ...p.territory, write: false });
  const items = (await listLocalQuestions(p.db, campaign.id, { level: territory.level, code: territory.code })).map((r) => presentLocalQuestion(r, campaign.year));
  return { campaign: { year: campaign.year, state: campaign.state }, items, total: items.length };
}
