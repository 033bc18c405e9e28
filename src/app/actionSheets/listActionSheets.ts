import type { Db } from '../../db/connection';
import { searchActionSheets } from '../../db/actionSheet.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import type { ActionSheetState } from '../../domain/actionSheets';
import { actionSheetPolicy } from '../../policies/actionSheet';

/**
 * Searches fiches actions by keyword, theme and territory. The public sees published fiches only; with
 * `structureId` and `drafts: true`, the structure's people and its territory also see its drafts.
 * @example await listActionSheets({ db, actor, q: 'jardin', theme: 'ecologie', page: 1, pageSize: 20 })
 */
export async function listActionSheets(p: {
  db: Db; actor: Actor; q?: string; theme?: string; regionCode?: string; departementCode?: string; structureId?: number; drafts?: boolean;
  page: number; pageSize: number;
}) {
  let states: ActionSheetState[] = ['published'];
  if (p.drafts) {
    if (p.structureId === undefined) throw new AppError('validation_failed', 'Les brouillons se consultent structure par structure : précisez « structure ».');
    const place = await getStructurePlace(p.db, p.structureId);
    if (!place) throw new AppError('not_found', 'Structure introuvable.');
    if (!p.actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour voir les brouillons.');
    if (!actionSheetPolicy.readDraft(p.actor, place)) throw new AppError('forbidden', 'Les brouillons sont réservés à la structure et à ceux qui suivent son territoire.');
    states = ['draft', 'published'];
  }
  return searchActionSheets(p.db, {
    q: p.q, theme: p.theme, regionCode: p.regionCode, departementCode: p.departementCode, structureId: p.structureId, states,
  }, { offset: (p.page - 1) * p.pageSize, limit: p.pageSize });
}
