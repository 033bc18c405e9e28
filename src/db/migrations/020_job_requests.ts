import { sql, type Kysely } from 'kysely';

/**
 * Jobs asked for by a person (issue 16): a long request (an external import, a release's publication)
 * answers at once with a job, and its author follows the job's progress and reads its outcome. Such a job
 * keeps its author (requested_by), the file it works on (input, the uploaded bytes, dropped once run), its
 * progress (step, done, total), and once run its outcome: state 'done' with its result, or 'failed' with the
 * refusal (error: code, message, details). Jobs without an author still leave the queue once done.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('jobs').addColumn('input', 'bytea').execute();
  await db.schema.alterTable('jobs').addColumn('progress', 'jsonb').execute();
  await db.schema.alterTable('jobs').addColumn('result', 'jsonb').execute();
  await db.schema.alterTable('jobs').addColumn('error', 'jsonb').execute();
  await db.schema.alterTable('jobs').addColumn('finished_at', 'timestamptz').execute();
  await sql`alter table jobs drop constraint if exists jobs_state_check`.execute(db);
  await sql`alter table jobs add constraint jobs_state_check check (state in ('pending', 'running', 'failed', 'done'))`.execute(db);
  await sql`alter table jobs add constraint jobs_done_requested check (state <> 'done' or requested_by is not null)`.execute(db);
  await db.schema.createIndex('jobs_requested_by').on('jobs').column('requested_by').where('requested_by', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('jobs').where('state', '=', 'done').execute();
  await sql`alter table jobs drop constraint if exists jobs_done_requested`.execute(db);
  await sql`alter table jobs drop constraint if exists jobs_state_check`.execute(db);
  await sql`alter table jobs add constraint jobs_state_check check (state in ('pending', 'running', 'failed'))`.execute(db);
  await db.schema.dropIndex('jobs_requested_by').ifExists().execute();
  for (const c of ['finished_at', 'error', 'result', 'progress', 'input', 'requested_by']) await db.schema.alterTable('jobs').dropColumn(c).execute();
}
