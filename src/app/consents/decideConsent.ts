import type { Db } from '../../db/connection';
import { getConsentRequest, transitionConsent } from '../../db/consent.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { consentPolicy, type ConsentParties } from '../../policies/consent';

/** A request and its two structures, or a 404 for those who are not part of it. */
export async function loadConsent(db: Db, actor: Actor, id: number) {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour répondre à une demande de comparaison.');
  const r = await getConsentRequest(db, id);
  if (!r) throw new AppError('not_found', 'Demande introuvable.');
  const parties: ConsentParties = {
    requester: { id: r.requester_id, departementCode: r.requester_departement, regionCode: r.requester_region },
    target: { id: r.target_id, departementCode: r.target_departement, regionCode: r.target_region },
  };
  if (!consentPolicy.withdraw(actor, parties)) throw new AppError('not_found', 'Demande introuvable.');
  return { request: r, parties };
}

/**
 * The target's director accepts or refuses a pending request; the decision goes to the ledger.
 * @example await decideConsent({ db, actor, requestId: 3, decision: 'accept' })
 */
export async function decideConsent(p: { db: Db; actor: Actor; requestId: number; decision: 'accept' | 'refuse' }) {
  const { request, parties } = await loadConsent(p.db, p.actor, p.requestId);
  if (!consentPolicy.decide(p.actor, parties)) throw new AppError('forbidden', 'Seule la direction de la structure sollicitée peut accepter ou refuser.');
  const to = p.decision === 'accept' ? 'accepted' : 'refused';
  const ok = await transitionConsent(p.db, { id: request.id, from: ['pending'], to, action: p.decision === 'accept' ? 'grant' : 'refuse', structureId: request.target_id, actorId: p.actor.userId! });
  if (!ok) throw new AppError('conflict', 'Cette demande n’est plus en attente.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: `consent.${p.decision}`, entity: 'consent_request', entityId: request.id });
  return { id: request.id, state: to };
}
