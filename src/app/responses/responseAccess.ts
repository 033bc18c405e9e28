import type { Db } from '../../db/connection';
import { getResponseContext, recentResponseContext } from '../../db/response.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { structurePolicy, type StructureAbility } from '../../policies/structure';

export type ResponseContext = NonNullable<Awaited<ReturnType<typeof getResponseContext>>>;

/**
 * Loads a response and checks the actor's ability on its structure. Someone who may not read it at all
 * gets the same 404 as for a response that does not exist.
 * `recent`: the response as read at most a second ago in this process (recentResponseContext), for the paths
 * that do not decide on its state alone (autosave, the whole-response check).
 * @example const r = await authorizeResponse(db, actor, 12, 'fill');
 */
export async function authorizeResponse(db: Db, actor: Actor, responseId: number, ability: StructureAbility, o: { recent?: boolean } = {}): Promise<ResponseContext> {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour accéder à cette réponse.');
  const r = await (o.recent ? recentResponseContext : getResponseContext)(db, responseId);
  const place = r && { id: r.structure_id, departementCode: r.departement_code, regionCode: r.region_code };
  if (!r || !place || !structurePolicy.readPrivate(actor, place)) throw new AppError('not_found', 'Réponse introuvable.');
  if (!structurePolicy[ability](actor, place)) {
    throw new AppError('forbidden', ability === 'fill' ? 'Seule l’équipe de la structure peut modifier ses réponses.'
      : ability === 'manage' ? 'Seule la direction de la structure peut faire cela.' : 'Vous n’avez pas ce droit sur cette réponse.');
  }
  return r;
}
