import type { Db } from '../../db/connection';
import { getActionSheet, setActionSheetState } from '../../db/actionSheet.repo';
import { appendAudit } from '../../db/audit.repo';
import { publishProblems, type ActionSheetState } from '../../domain/actionSheets';
import { AppError } from '../../domain/errors';
import type { Actor } from '../../domain/roles';
import { writableActionSheet } from './actionSheetAccess';

/**
 * Publishes a draft or takes a published fiche back to draft (the structure's director).
 * @example await publishActionSheet({ db, actor, id: 3, state: 'published' })
 */
export async function publishActionSheet(p: { db: Db; actor: Actor; id: number; state: ActionSheetState }) {
  const s = await writableActionSheet(p.db, p.actor, p.id, 'publish');
  if (s.state === p.state) throw new AppError('conflict', p.state === 'published' ? 'Cette fiche est déjà publiée.' : 'Cette fiche est déjà un brouillon.');
  if (p.state === 'published') {
    const missing = publishProblems(s);
    if (missing.length) throw new AppError('validation_failed', `Avant de publier, ajoutez ${missing.join(', ')}.`);
  }
  await setActionSheetState(p.db, s.id, p.state);
  await appendAudit(p.db, { actorId: p.actor.userId, action: p.state === 'published' ? 'action_sheet.publish' : 'action_sheet.unpublish', entity: 'action_sheet', entityId: s.id, data: {} });
  return (await getActionSheet(p.db, s.id))!;
}
