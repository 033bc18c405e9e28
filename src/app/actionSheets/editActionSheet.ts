import type { Db } from '../../db/connection';
import { getActionSheet, updateActionSheet } from '../../db/actionSheet.repo';
import { appendAudit } from '../../db/audit.repo';
import { normalizeKeywords, publishProblems, type ActionSheetContent } from '../../domain/actionSheets';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { writableActionSheet } from './actionSheetAccess';

/**
 * Replaces a fiche's content. A published fiche stays published, so it must stay complete.
 * @example await editActionSheet({ db, actor, id: 3, content })
 */
export async function editActionSheet(p: { db: Db; actor: Actor; id: number; content: ActionSheetContent }) {
  const s = await writableActionSheet(p.db, p.actor, p.id);
  const content = { ...p.content, keywords: normalizeKeywords(p.content.keywords) };
  if (s.state === 'published') {
    const missing = publishProblems(content);
    if (missing.length) throw new AppError('validation_failed', `Une fiche publiée doit garder ${missing.join(', ')}.`);
  }
  await updateActionSheet(p.db, s.id, content);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'action_sheet.edit', entity: 'action_sheet', entityId: s.id, data: {} });
  return (await getActionSheet(p.db, s.id))!;
}
