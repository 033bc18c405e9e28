import type { Db } from '../../db/connection';
import { closeCorrection, insertCorrection, listCorrections } from '../../db/correction.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { appendAudit } from '../../db/audit.repo';
import type { TerritoryScope } from '../../db/campaign.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structurePolicy } from '../../policies/structure';

async function placeFor(db: Db, actor: Actor, structureId: number) {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir les demandes de correction de cette structure.');
  const place = await getStructurePlace(db, structureId);
  if (!place || !structurePolicy.readPrivate(actor, place)) throw new AppError('not_found', 'Structure introuvable.');
  return place;
}

/**
 * The structure's people ask their correspondents to correct its identity sheet (a message they see in their
 * list of requests). Audited.
 * @example await requestCorrection({ db, actor, structureId: 12, body: 'Nous avons déménagé au 3 rue…' });
 */
export async function requestCorrection(p: { db: Db; actor: Actor; structureId: number; body: string }) {
  const place = await placeFor(p.db, p.actor, p.structureId);
  if (!structurePolicy.fill(p.actor, place)) throw new AppError('forbidden', 'Seule l’équipe de la structure demande une correction de sa fiche ; les correspondants la corrigent directement.');
  const body = p.body.trim();
  if (body.length < 5 || body.length > 2000) throw new AppError('validation_failed', 'Décrivez la correction en 5 à 2 000 caractères.');
  const id = await insertCorrection(p.db, { structureId: p.structureId, authorId: p.actor.userId!, body });
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'structure.correction_request', entity: 'structure', entityId: p.structureId, data: { correction: id } });
  return { id };
}

/** The correction requests of a structure (its people and its territory see them). */
export async function correctionsOfStructure(p: { db: Db; actor: Actor; structureId: number }) {
  await placeFor(p.db, p.actor, p.structureId);
  return listCorrections(p.db, { structureId: p.structureId });
}

/** Open correction requests of the structures the actor reviews. */
export async function openCorrections(p: { db: Db; actor: Actor }) {
  if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir les demandes de correction de votre territoire.');
  const scopes: TerritoryScope[] = p.actor.memberships.flatMap((m): TerritoryScope[] => m.role === 'national_admin' ? [{ level: 'nation' }]
    : m.role === 'regional_coordinator' && m.regionCode ? [{ level: 'region', code: m.regionCode }]
      : m.role === 'correspondent' && m.departementCode ? [{ level: 'departement', code: m.departementCode }] : []);
  if (scopes.length === 0) throw new AppError('forbidden', 'Les demandes de correction sont suivies par les correspondants des territoires.');
  return listCorrections(p.db, { scopes, open: true });
}

/** A correspondent marks a request done (after correcting the sheet) or declined. Audited. */
export async function closeCorrectionRequest(p: { db: Db; actor: Actor; structureId: number; correctionId: number; state: 'done' | 'declined' }) {
  const place = await placeFor(p.db, p.actor, p.structureId);
  if (!structurePolicy.review(p.actor, place)) throw new AppError('forbidden', 'Les demandes sont traitées par les correspondants du territoire.');
  if (!(await closeCorrection(p.db, { id: p.correctionId, structureId: p.structureId, state: p.state, by: p.actor.userId! }))) throw new AppError('not_found', 'Demande introuvable ou déjà traitée.');
  await appendAudit(p.db, { actorId: p.actor.userId, action: `structure.correction_${p.state}`, entity: 'structure', entityId: p.structureId, data: { correction: p.correctionId } });
  return { id: p.correctionId, state: p.state };
}
