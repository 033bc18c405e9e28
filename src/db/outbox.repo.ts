import { sql } from 'kysely';
import type { Db } from './connection';
import { STALE_SENDING_MS } from '../domain/outbox';

/** A mail as the sender takes it from the queue. */
export interface ClaimedMail {
  id: number; to_email: string; subject: string; body: string; invitation_id: number | null; password_reset_id: number | null; attempts: number;
}

/**
 * Takes the next due mail for this sender, or undefined when none is due. One statement: the row is
 * locked by `for update skip locked`, so two senders (two processes on PostgreSQL, or two calls on the
 * one PGlite connection) never take the same mail; the row then says 'sending' until the sender records
 * the outcome. A mail left 'sending' by a sender that died is taken again after STALE_SENDING_MS.
 * `now` is the database clock unless given (tests move time forward).
 * @example const mail = await claimNextMail(db); if (mail) { …send…; await markMailSent(db, mail.id, messageId); }
 */
export async function claimNextMail(db: Db, now?: Date): Promise<ClaimedMail | undefined> {
  const at = now ? sql<Date>`${now}::timestamptz` : sql<Date>`now()`;
  const staleBefore = sql<Date>`${at} - make_interval(secs => ${STALE_SENDING_MS / 1000})`;
  const due = db.selectFrom('outbox').select('id')
    .where((eb) => eb.or([
      eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
      eb.and([eb('state', '=', 'sending'), eb('locked_at', '<', staleBefore)]),
    ]))
    .orderBy('next_attempt_at').orderBy('id').limit(1)
    .forUpdate().skipLocked();
  return db.updateTable('outbox')
    .set({ state: 'sending', locked_at: at, attempts: sql<number>`attempts + 1` })
    .where('id', '=', due)
    .returning(['id', 'to_email', 'subject', 'body', 'invitation_id', 'password_reset_id', 'attempts'])
    .executeTakeFirst();
}

/** The mail left: kept with its Message-ID. */
export async function markMailSent(db: Db, id: number, messageId: string | null, now = new Date()) {
  await db.updateTable('outbox')
    .set({ state: 'sent', sent_at: now, locked_at: null, last_error: null, message_id: messageId })
    .where('id', '=', id).where('state', '=', 'sending').execute();
}

/** The attempt failed: back to the queue at `retryAt`, or 'failed' for good when it is null. */
export async function markMailFailed(db: Db, id: number, error: string, retryAt: Date | null) {
  await db.updateTable('outbox')
    .set({ state: retryAt ? 'pending' : 'failed', locked_at: null, last_error: error, ...(retryAt ? { next_attempt_at: retryAt } : {}) })
    .where('id', '=', id).where('state', '=', 'sending').execute();
}

/** The mail must not leave any more (its invitation was accepted, revoked or has expired). */
export async function markMailCancelled(db: Db, id: number) {
  await db.updateTable('outbox').set({ state: 'cancelled', locked_at: null }).where('id', '=', id).where('state', '=', 'sending').execute();
}

/** When the next mail is due (undefined when the queue is empty), so a sender sleeps until then. */
export async function nextDueAt(db: Db): Promise<Date | undefined> {
  const r = await db.selectFrom('outbox').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('state', '=', 'pending').executeTakeFirst();
  return r?.at ? new Date(r.at as Date) : undefined;
}

/**
 * A mail given up after its attempts goes back to the queue, due now, with its attempts counted from zero
 * again (its last error is kept until the next outcome). Only a 'failed' mail: returns false for any
 * other state or an unknown id, and changes nothing.
 * @example if (!(await requeueFailedMail(db, id))) throw new AppError('conflict', '…');
 */
export async function requeueFailedMail(db: Db, id: number): Promise<boolean> {
  const r = await db.updateTable('outbox').set({ state: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, locked_at: null })
    .where('id', '=', id).where('state', '=', 'failed').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A mail's state, or undefined when there is no such mail. */
export async function mailState(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('outbox').select('state').where('id', '=', id).executeTakeFirst())?.state;
}
