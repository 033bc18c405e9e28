import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { deleteUserSessions } from '../../db/passwordReset.repo';

/**
 * Signs a person out of every session but the current one, and writes it in the audit log.
 * @example await endOtherSessions({ db, userId: 7, sessionId: 'abc' }) // { ended: 2 }
 */
export async function endOtherSessions(p: { db: Db; userId: number; sessionId: string }): Promise<{ ended: number }> {
  const ended = await deleteUserSessions(p.db, p.userId, p.sessionId);
  await appendAudit(p.db, { actorId: p.userId, action: 'sessions.end_others', entity: 'user', entityId: p.userId, data: { ended } });
  return { ended };
}
