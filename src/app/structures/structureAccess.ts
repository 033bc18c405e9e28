import type { Db } from '../../db/connection';
import { getStructurePlace } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import type { Actor, StructurePlace } from '../../domain/roles';
import { structurePolicy, type StructureAbility } from '../../policies/structure';

/**
 * The structure, if the actor holds the ability on it: 404 for an unknown id, 401 for a visitor, 403 with
 * the French `refusal` otherwise (`signIn`: the visitor's message, if not the default).
 * @example const place = await structureFor({ db, actor, structureId, ability: 'readPrivate', refusal: 'Réservé à la structure.' });
 */
export async function structureFor(p: { db: Db; actor: Actor; structureId: number; ability: StructureAbility; refusal: string; signIn?: string }): Promise<StructurePlace> {
  const place = await getStructurePlace(p.db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!p.actor.userId) throw new AppError('unauthenticated', p.signIn ?? 'Connectez-vous pour accéder à cette page.');
  if (!structurePolicy[p.ability](p.actor, place)) throw new AppError('forbidden', p.refusal);
  return place;
}
