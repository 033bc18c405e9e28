import type { Db } from '../../db/connection';
import { listConsentLedger, listConsentRequests } from '../../db/consent.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { consentPolicy } from '../../policies/consent';
import { consentCandidates } from './consentCandidates';

/**
 * The requests a structure made and received, and the ledger of every request, grant, refusal and
 * withdrawal about them, and the nearby structures it may ask (`candidates`); for its director.
 * @example await listConsents({ db, actor, structureId: 1 })
 */
export async function listConsents(p: { db: Db; actor: Actor; structureId: number }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir les demandes de comparaison.');
  const place = await getStructurePlace(p.db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!consentPolicy.act(p.actor, place)) throw new AppError('forbidden', 'Seule la direction de la structure voit ses demandes de comparaison.');
  const [requests, ledger, candidates] = await Promise.all([listConsentRequests(p.db, place.id), listConsentLedger(p.db, place.id), consentCandidates(p.db, place.id)]);
  return { requests, ledger, candidates };
}
