import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit.repo';
import { deleteSession } from '../../db/session.repo';
import type { Actor } from '../../domain/roles';

/**
 * Ends a session and writes the logout in the audit log.
 * @example await logout({ db, actor, sessionId: 'abc' });
 */
export async function logout(p: { db: Db; actor: Actor; sessionId: string }): Promise<void> {
  await deleteSession(p.db, p.sessionId);
  await appendAudit(p.db, { actorId: p.actor.userId, action: 'logout', entity: 'user', entityId: p.actor.userId ?? 0 });
}
