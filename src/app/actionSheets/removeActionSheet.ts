import type { Db } from '../../db/connection';
import { deleteActionSheet } from '../../db/actionSheet.repo';
import { appendAudit } from '../../db/audit.repo';
import type { Actor } from '../../domain/roles';
import { writableActionSheet } from './actionSheetAccess';

/**
 * Deletes a fiche: a draft by its team, a published one by the director.
 * @example await removeActionSheet({ db, actor, id: 3 })
 */
export async function removeActionSheet(p: { db: Db; actor: Actor; id: number }) {
  const s = await writableActionSheet(p.db, p.actor, p.id);
  await deleteActionSheet(p.db, s.id);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'action_sheet.delete', entity: 'action_sheet', entityId: s.id, data: { title: s.title } });
  return { id: s.id, deleted: true };
}
