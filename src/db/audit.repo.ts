import type { Db } from './connection';

/** Appends one event to the audit trail (the table refuses updates and deletes). */
export async function appendAudit(db: Db, e: { actorId: number | null; action: string; entity: string; entityId: string | number; data?: Record<string, unknown> }) {
  await db.insertInto('audit_events').values({
    actor_id: e.actorId, action: e.action, entity: e.entity, entity_id: String(e.entityId), data: JSON.stringify(e.data ?? {}),
  }).execute();
}
