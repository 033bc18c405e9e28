import type { Db } from '../../db/connection';
import { mailState, requeueFailedMail } from '../../db/outbox.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { flushOutbox } from '../infra/deliverOutbox';

/**
 * The national administration, who runs the mail service, puts a mail given up after its attempts back in
 * the queue (once the mail server is repaired, or the address corrected at the source): due now, attempts
 * counted from zero; sent at once when SMTP_URL is set, otherwise by the background sender. Only a failed
 * mail: a sent, waiting or cancelled one answers 409 and nothing changes.
 * @example await retryMail({ db, actor, mailId: 12, smtpUrl: process.env.SMTP_URL });
 */
export async function retryMail(p: { db: Db; actor: Actor; mailId: number; smtpUrl?: string }): Promise<{ id: number; state: string }> {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour renvoyer un courriel.');
  if (!p.actor.memberships.some((m) => m.role === 'national_admin')) {
    throw new AppError('forbidden', 'Seule l’administration nationale, qui gère l’envoi des courriels, peut relancer un envoi.');
  }
  if (!(await requeueFailedMail(p.db, p.mailId))) {
    const state = await mailState(p.db, p.mailId);
    if (state === undefined) throw new AppError('not_found', 'Courriel introuvable.');
    throw new AppError('conflict', 'Seul un courriel abandonné après ses essais peut être renvoyé ; celui-ci ne l’est pas.', { state });
  }
  if (p.smtpUrl) await flushOutbox(p.db, p.smtpUrl);
  return { id: p.mailId, state: (await mailState(p.db, p.mailId)) ?? 'pending' };
}
