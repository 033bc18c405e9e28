import { sql, type Kysely } from 'kysely';

/**
 * A durable job queue (issue 16): work that must survive a restart (quality re-checks after autosaves, …)
 * is a row here instead of a timer in one process's memory. A runner claims a due job with
 * `for update skip locked` (state 'running', locked_at, locked_by), deletes it once done, or puts it back
 * with a later run_at and its error (exponential backoff), 'failed' for good after max_attempts. A job left
 * 'running' by a process that died is taken again after a timeout (see src/domain/jobs.ts).
 * At most one pending job per (kind, dedupe_key): queueing again moves the pending one (debounce).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('jobs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'running', 'failed')`))
    .addColumn('run_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_at', 'timestamptz')
    .addColumn('locked_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The runner's claim reads the due jobs in this order.
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at', 'id']).execute();
  await sql`create unique index jobs_pending_dedupe on jobs (kind, dedupe_key) where state = 'pending' and dedupe_key is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
