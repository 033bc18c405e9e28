import type { Db } from '../../db/connection';
import { transitionConsent } from '../../db/consent.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';
import { loadConsent } from './decideConsent';

/**
 * Either director withdraws a pending or accepted consent: names and values disappear from both named
 * comparisons at once. The withdrawal goes to the ledger.
 * @example await withdrawConsent({ db, actor, requestId: 3 })
 */
export async function withdrawConsent(p: { db: Db; actor: Actor; requestId: number }) {
  const { request, parties } = await loadConsent(p.db, p.actor, p.requestId);
  const side = structurePolicy.manage(p.actor, parties.requester) ? request.requester_id : request.target_id;
  const ok = await transitionConsent(p.db, { id: request.id, from: ['pending', 'accepted'], to: 'withdrawn', action: 'withdraw', structureId: side, actorId: p.actor.userId! });
  if (!ok) throw new AppError('conflict', 'Cette demande est déjà refusée ou retirée.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'consent.withdraw', entity: 'consent_request', entityId: request.id });
  return { id: request.id, state: 'withdrawn' as const };
}
