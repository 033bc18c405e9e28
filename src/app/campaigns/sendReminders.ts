import type { Db } from '../../db/connection';
import type { TerritoryScope } from '../../db/campaign.repo';
import { insertOutbox, lateStructures, type CampaignDates } from '../../db/cockpit.repo';
import { appendAudit } from '../../db/audit.repo';
import { responseStateLabels, type ResponseState } from '../../domain/responseState';
import type { Actor } from '../../domain/roles';
import type { EffectiveDeadline } from '../../domain/deadlines';
import { flushOutbox } from '../infra/deliverOutbox';

/** The reminder e-mail of one late structure, in French. */
export function reminderMail(s: { name: string; state: string; deadline?: EffectiveDeadline }, campaign: { year: number; closes_on: Date }, appUrl: string) {
  // The structure's own deadline: a later one granted to its territory replaces the campaign's.
  const closes = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(s.deadline ? new Date(`${s.deadline.date}T00:00:00Z`) : campaign.closes_on);
  return {
    subject: `Observatoire Senacs : votre questionnaire ${campaign.year} est attendu`,
    body: [
      'Bonjour,', '',
      `La réponse de « ${s.name} » au questionnaire ${campaign.year} est ${responseStateLabels[s.state as ResponseState] ?? s.state}.`,
      `${s.deadline && s.deadline.source !== 'campaign' ? 'Votre réponse est attendue au plus tard' : 'La campagne se termine'} le ${closes}. Vous pouvez reprendre la saisie à tout moment, avec votre équipe : ${appUrl}`, '',
      'Vos correspondants restent à votre disposition pour toute question.', '',
      '— L’équipe de l’observatoire Senacs',
    ].join('\n'),
  };
}

/**
 * Reminds every late structure of a territory: one rendered e-mail per recipient in the outbox, sent
 * through SMTP when SMTP_URL is set (otherwise they stay in the outbox page).
 */
export async function sendReminders(p: { db: Db; actor: Actor; campaign: CampaignDates; scope: TerritoryScope; appUrl: string; smtpUrl?: string; today?: Date }) {
  const late = await lateStructures(p.db, p.campaign, p.scope, p.today);
  const mails = late.flatMap((s) => s.recipients.map((to) => ({ to_email: to, structure_id: s.id, ...reminderMail(s, p.campaign, p.appUrl) })));
  await insertOutbox(p.db, mails);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'campaign.remind', entity: 'campaign', entityId: p.campaign.id, data: { scope: p.scope, structures: late.length, mails: mails.length } });
  const sent = p.smtpUrl ? await flushOutbox(p.db, p.smtpUrl) : 0;
  return { structures: late.length, mails: mails.length, sent };
}
