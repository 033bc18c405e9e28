import type { Db } from '../../db/connection';
import { getActionSheet, insertActionSheet } from '../../db/actionSheet.repo';
import { appendAudit } from '../../db/audit.repo';
import { getStructurePlace } from '../../db/structure.repo';
import { normalizeKeywords, type ActionSheetContent } from '../../domain/actionSheets';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { actionSheetPolicy } from '../../policies/actionSheet';

/**
 * A new fiche action, always a draft: the structure's team writes it, its director publishes it.
 * @example await createActionSheet({ db, actor, structureId: 1, content })
 */
export async function createActionSheet(p: { db: Db; actor: Actor; structureId: number; content: ActionSheetContent }) {
  const { db, actor } = p;
  const place = await getStructurePlace(db, p.structureId);
  if (!place) throw new AppError('not_found', 'Structure introuvable.');
  if (!actor.userId) throw new AppError('unauthenticated', 'Connectez-vous pour rédiger une fiche action.');
  if (!actionSheetPolicy.writeDraft(actor, place)) throw new AppError('forbidden', 'Seule l’équipe de la structure rédige ses fiches actions.');
  const id = await insertActionSheet(db, { structureId: place.id, authorId: actor.userId, content: { ...p.content, keywords: normalizeKeywords(p.content.keywords) } });
  await appendAudit(db, { actorId: actor.userId, action: 'action_sheet.create', entity: 'action_sheet', entityId: id, data: { structureId: place.id } });
  return (await getActionSheet(db, id))!;
}
