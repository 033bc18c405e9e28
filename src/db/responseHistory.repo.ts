import type { Db } from './connection';

/**
 * The latest reopening (or unlocking) of a response with its reason, when and by whom, from the audit
 * trail; undefined when it was never reopened. The director sees why the response came back.
 */
export async function lastReopening(db: Db, responseId: number): Promise<{ reason: string; at: Date; by: string | null } | undefined> {
  const row = await db.selectFrom('audit_events').leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select(['audit_events.data', 'audit_events.at', 'users.name'])
    .where('audit_events.entity', '=', 'response').where('audit_events.entity_id', '=', String(responseId))
    .where('audit_events.action', 'in', ['response.reopen', 'response.unlock'])
    .orderBy('audit_events.id', 'desc').limit(1).executeTakeFirst();
  if (!row || typeof row.data?.reason !== 'string') return undefined;
  return { reason: row.data.reason, at: row.at, by: row.name ?? null };
}
