import { sql } from 'kysely';
import type { Db } from './connection';

/** Marks a transaction as a pseudonymisation: the append-only trails then accept updates (migration 014), never deletes. */
export async function allowPseudonymisation(tx: Db): Promise<void> {
  await sql`select set_config('senacs.pseudonymise', 'on', true)`.execute(tx);
}

const count = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint } | undefined) => Number(r?.numDeletedRows ?? r?.numUpdatedRows ?? 0n);

/** Invitations used, revoked or expired before `before`; their mails stay in the outbox for its own period. */
export async function deleteSpentInvitations(db: Db, before: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const spent = tx.selectFrom('invitations').select('id')
      .where((eb) => eb.or([eb('accepted_at', '<', before), eb('revoked_at', '<', before), eb('expires_at', '<', before)]));
    await tx.updateTable('outbox').set({ invitation_id: null }).where('invitation_id', 'in', spent).execute();
    return count(await tx.deleteFrom('invitations').where('id', 'in', spent).executeTakeFirst());
  });
}

/** Password-reset links used or expired before `before`. */
export async function deleteSpentPasswordResets(db: Db, before: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const spent = tx.selectFrom('password_resets').select('id')
      .where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]));
    await tx.updateTable('outbox').set({ password_reset_id: null }).where('password_reset_id', 'in', spent).execute();
    return count(await tx.deleteFrom('password_resets').where('id', 'in', spent).executeTakeFirst());
  });
}

/** Mails done with (sent, cancelled, failed) before `before`: the address and the body go, the subject and state stay for the outbox page. */
export async function eraseOldMails(db: Db, before: Date): Promise<number> {
  return count(await db.updateTable('outbox').set({ to_email: '', body: '', last_error: null })
    .where('state', 'in', ['sent', 'cancelled', 'failed'])
    .where((eb) => eb.fn.coalesce('sent_at', 'created_at'), '<', before)
    .where('to_email', '<>', '').executeTakeFirst());
}

/**
 * Files left in jobs given up (an import that failed) before `before`: the bytes go, the job's row, error and refusal
 * stay for the queue page; retrying it then says the file is no longer kept. Done jobs drop theirs as they finish.
 */
export async function dropOldJobFiles(db: Db, before: Date): Promise<number> {
  return count(await db.updateTable('jobs').set({ input: null })
    .where('state', '=', 'failed').where('input', 'is not', null)
    .where((eb) => eb.fn.coalesce('finished_at', 'created_at'), '<', before).executeTakeFirst());
}

/** Login and password-reset counters whose window has passed (rate-limiter-flexible's table on PostgreSQL; empty on PGlite). */
export async function deleteExpiredLoginCounters(db: Db, now: Date): Promise<number> {
  const r = await sql`delete from login_limits where expire is not null and expire < ${now.getTime()}`.execute(db);
  return Number(r.numAffectedRows ?? 0n);
}

/** Addresses quoted in an audit event's data; replaced by this text when pseudonymised. */
export const REMOVED_ADDRESS = 'adresse retirée';

/**
 * Audit events older than `before` lose who did them and the e-mail addresses and names they quote; the
 * action, the entity and the date stay. Idempotent: pseudonymised events carry `pseudonymised: true`.
 */
export async function pseudonymiseOldAudit(db: Db, before: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await allowPseudonymisation(tx);
    const r = await sql`update audit_events
      set actor_id = null,
        data = (regexp_replace(data::text, '[^"\\s@<>(),;:]+@[^"\\s@<>(),;:]+', ${REMOVED_ADDRESS}, 'g')::jsonb - 'name' - 'email') || '{"pseudonymised": true}'::jsonb
      where at < ${before} and not (data ? 'pseudonymised')`.execute(tx);
    return Number(r.numAffectedRows ?? 0n);
  });
}
