import type { Db } from '../../db/connection';
import { insertConsentRequests, isUniqueViolation, liveRequestsBetween } from '../../db/consent.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { appendAudit } from '../../db/audit.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { consentPolicy } from '../../policies/consent';
import { CONSENT_MAX_KM } from '../../domain/peers/consentReach';
import { consentCandidates } from './consentCandidates';

/**
 * A director asks other structures to compare openly. Asking is the requester's own consent; each target's
 * director then accepts or refuses. At most one live request per pair of structures. Only nearby structures
 * may be asked (within 50 km or in the frozen nearest-neighbour group): `consent_not_nearby` otherwise.
 * @example await requestConsents({ db, actor, structureId: 1, targetIds: [7, 9] })
 */
export async function requestConsents(p: { db: Db; actor: Actor; structureId: number; targetIds: readonly number[] }) {
  const { db, actor } = p;
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour demander une comparaison nominative.');
  const place = await getStructurePlace(db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!consentPolicy.act(actor, place)) throw new AppError('forbidden', 'Seule la direction de la structure peut demander une comparaison nominative.');
  const targets = [...new Set(p.targetIds)];
  if (targets.includes(place.id)) throw new AppError('validation_failed', 'Une structure ne se demande pas son propre accord.');
  for (const t of targets) if (!(await getStructurePlace(db, t))) throw new AppError('not_found', `Structure introuvable : ${t}.`);
  const reachable = new Set((await consentCandidates(db, place.id)).map((c) => c.id));
  const far = targets.filter((t) => !reachable.has(t));
  if (far.length) {
    throw new AppError('consent_not_nearby', `On ne demande une comparaison nominative qu’à des structures proches : à ${CONSENT_MAX_KM} km au plus, ou parmi vos plus proches voisins. ${far.length > 1 ? `${far.length} structures demandées sont` : 'Une structure demandée est'} hors de cette limite.`, { structures: far });
  }
  const live = await liveRequestsBetween(db, place.id, targets);
  if (live.length) {
    throw new AppError('conflict', 'Une demande est déjà en cours ou acceptée avec certaines de ces structures.', { structures: live.map((l) => (l.requester_id === place.id ? l.target_id : l.requester_id)) });
  }
  try {
    const rows = await insertConsentRequests(db, place.id, targets, actor.userId);
    await appendAudit(db, { actorId: actor.userId, action: 'consent.request', entity: 'structure', entityId: place.id, data: { targets, requests: rows.map((r) => r.id) } });
    return { items: rows.map((r) => ({ id: r.id, requesterId: place.id, targetId: r.target_id, state: r.state })) };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', 'Une demande vient d’être faite pour l’une de ces structures ; rechargez la page.');
    throw e;
  }
}
