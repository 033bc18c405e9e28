import type { Db } from '../../db/connection';
import { getCampaignByYear, setCampaignDeadlines } from '../../db/campaign.repo';
import { getDepartement, getRegion } from '../../db/territory.repo';
import { appendAudit } from '../../db/audit.repo';
import { checkLaterDeadline, deadlineKey, parseDeadlines, type DeadlineLevel } from '../../domain/deadlines';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';

/**
 * The national administrator gives a région or a département a later deadline, while preparing the
 * campaign or during it (`date: null` removes it). The structures there then count as on time until
 * that day, and are not reminded as late before it has passed.
 * @example await setTerritoryDeadline({ db, actor, year: 2025, level: 'departement', code: '69', date: '2026-07-31' });
 */
export async function setTerritoryDeadline(p: { db: Db; actor: Actor; year: number; level: DeadlineLevel; code: string; date: string | null }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour gérer les campagnes.');
  if (!p.actor.memberships.some((m) => m.role === 'national_admin')) throw new AppError('forbidden', 'Seule l’administration nationale accorde des délais.');
  const campaign = await getCampaignByYear(p.db, p.year);
  if (!campaign) throw new AppError('not_found', 'Campagne introuvable.');
  if (campaign.state !== 'preparation' && campaign.state !== 'open') throw new AppError('conflict', 'Cette campagne est close : ses délais ne changent plus.');
  const exists = p.level === 'region' ? await getRegion(p.db, p.code) : await getDepartement(p.db, p.code);
  if (!exists) throw new AppError('not_found', p.level === 'region' ? 'Région introuvable.' : 'Département introuvable.');
  const deadlines: Record<string, string> = { ...(campaign.deadlines ?? {}) };
  const key = deadlineKey(p.level, p.code);
  const before = deadlines[key] ?? null;
  if (p.date === null) delete deadlines[key];
  else {
    const problem = checkLaterDeadline(p.date, campaign.closes_on);
    if (problem) throw new AppError('validation_failed', problem);
    deadlines[key] = p.date;
  }
  await setCampaignDeadlines(p.db, campaign.id, deadlines);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'campaign.deadline', entity: 'campaign', entityId: campaign.id, data: { level: p.level, code: p.code, before, after: p.date } });
  return { year: campaign.year, deadlines: parseDeadlines(deadlines) };
}
