import { sql, type Kysely } from 'kysely';

/**
 * The outbox becomes a durable queue (issue 13): each mail is claimed by one sender at a time
 * (state 'sending' with locked_at), retried with exponential backoff (attempts, next_attempt_at,
 * last_error) and given up after a number of attempts ('failed'); an invitation mail whose invitation was
 * accepted, revoked or has expired before it could leave is 'cancelled'. Every state shows in the outbox page.
 * Mails already sent keep their sent_at and become 'sent'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'sending', 'sent', 'failed', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .execute();
  await sql`update outbox set state = 'sent' where sent_at is not null`.execute(db);
  // The sender's claim reads the due mails in this order.
  await db.schema.createIndex('outbox_due').on('outbox').columns(['state', 'next_attempt_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_due').ifExists().execute();
  for (const c of ['message_id', 'last_error', 'locked_at', 'next_attempt_at', 'attempts', 'state']) {
    await db.schema.alterTable('outbox').dropColumn(c).execute();
  }
}
