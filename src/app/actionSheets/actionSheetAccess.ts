import type { Db } from '../../db/connection';
import { getActionSheet } from '../../db/actionSheet.repo';
import { AppError } from '../../domain/errors';
import type { Actor, StructurePlace } from '../../domain/roles';
import { actionSheetPolicy } from '../../policies/actionSheet';

export type LoadedActionSheet = NonNullable<Awaited<ReturnType<typeof getActionSheet>>>;

const placeOf = (s: LoadedActionSheet): StructurePlace => ({ id: s.structure_id, departementCode: s.departement_code, regionCode: s.region_code });

/**
 * A fiche the actor may read: published ones for everyone; a draft only for its structure and territory,
 * and the same 404 as for a fiche that does not exist for anyone else (a draft's existence is not public).
 * @example const sheet = await readableActionSheet(db, actor, 12);
 */
export async function readableActionSheet(db: Db, actor: Actor, id: number): Promise<LoadedActionSheet & { place: StructurePlace }> {
  const s = await getActionSheet(db, id);
  if (!s) throw new AppError('not_found', 'Fiche action introuvable.');
  const place = placeOf(s);
  if (s.state !== 'published' && !actionSheetPolicy.readDraft(actor, place)) throw new AppError('not_found', 'Fiche action introuvable.');
  return { ...s, place };
}

/**
 * A fiche the actor is about to change: readable first, then `writeDraft` for drafts, `publish` (the
 * director) for a published fiche or a change of state.
 */
export async function writableActionSheet(db: Db, actor: Actor, id: number, need: 'draft' | 'publish' = 'draft') {
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour modifier une fiche action.');
  const s = await readableActionSheet(db, actor, id);
  const ability = need === 'publish' || s.state === 'published' ? 'publish' : 'writeDraft';
  if (!actionSheetPolicy[ability](actor, s.place)) {
    throw new AppError('forbidden', ability === 'publish'
      ? 'Seule la direction de la structure publie, retire ou modifie une fiche publiée.'
      : 'Seule l’équipe de la structure rédige ses fiches actions.');
  }
  return s;
}
