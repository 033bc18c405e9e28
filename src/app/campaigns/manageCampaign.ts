import type { Db } from '../../db/connection';
import type { CampaignState } from '../../domain/campaignState';
import { forgetCampaignYears } from '../../db/aggregation.repo';
import { getCampaignByYear } from '../../db/campaign.repo';
import { lockValidated, setCampaignState } from '../../db/cockpit.repo';
import { insertQuestionnaire, linkCampaignQuestionnaire } from '../../db/questionnaire.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { readDefinition } from '../questionnaires/readDefinition';

function requireNational(actor: Actor) {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer les campagnes.');
  if (!actor.memberships.some((m) => m.role === 'national_admin')) throw new AppError('forbidden', 'Seule l’administration nationale gère les campagnes.');
}

/**
 * The national administrator prepares a campaign: data year, dates, and the questionnaire of that year
 * (stored with the campaign so responses always render with their own version).
 * @example await prepareCampaign({ db, actor, year: 2026, opensOn: '2027-03-01', closesOn: '2027-06-30' });
 */
export async function prepareCampaign(p: { db: Db; actor: Actor; year: number; opensOn: string; closesOn: string; questionnaireYear?: number }) {
  requireNational(p.actor);
  if (p.closesOn <= p.opensOn) throw new AppError('validation_failed', 'La date de clôture doit suivre la date d’ouverture.');
  if (await getCampaignByYear(p.db, p.year)) throw new AppError('conflict', `Une campagne existe déjà pour l’année ${p.year}.`);
  const definition = await readDefinition(p.questionnaireYear ?? p.year);
  const questionnaireId = await insertQuestionnaire(p.db, { year: p.year, version: 1, definition });
  const row = await p.db.transaction().execute(async (tx) => {
    const c = await tx.insertInto('campaigns').values({ year: p.year, opens_on: p.opensOn, closes_on: p.closesOn, state: 'preparation' }).returning('id').executeTakeFirstOrThrow();
    await linkCampaignQuestionnaire(tx, p.year, questionnaireId);
    return c;
  });
  forgetCampaignYears();
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'campaign.prepare', entity: 'campaign', entityId: row.id, data: { year: p.year } });
  return { id: row.id, year: p.year, state: 'preparation' as const };
}

/**
 * Opens a prepared campaign (its questionnaire and local questions freeze), or closes an open one,
 * which locks every validated response.
 */
export async function changeCampaignState(p: { db: Db; actor: Actor; year: number; action: 'open' | 'close' }) {
  requireNational(p.actor);
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', 'Campagne introuvable.');
  const [from, to]: [CampaignState[], CampaignState] = p.action === 'open' ? [['preparation'], 'open'] : [['open'], 'closed'];
  if (!(await setCampaignState(p.db, p.year, from, to))) {
    throw new AppError('conflict', p.action === 'open' ? 'Seule une campagne en préparation peut être ouverte.' : 'Seule une campagne ouverte peut être close.');
  }
  const locked = p.action === 'close' ? await lockValidated(p.db, campaign.id) : 0;
  await appendAudit(p.db, { actorId: p.actor.userId, action: `campaign.${p.action}`, entity: 'campaign', entityId: campaign.id, data: { locked } });
  return { year: p.year, state: to, locked };
}
