import { sql, type Kysely } from 'kysely';

/** Filling together: answer revisions (append-only), prefill marks, comments, invitations, outbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('answers').addColumn('prefilled', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.createTable('answer_revisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'jsonb')
    .addColumn('previous', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('save'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('answer_revisions_answer').on('answer_revisions').columns(['response_id', 'code', 'id']).execute();
  await sql`create trigger answer_revisions_append_only before update or delete on answer_revisions
    for each row execute function audit_append_only()`.execute(db);

  await db.schema.createTable('answer_comments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('comment'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('answer_comments_answer').on('answer_comments').columns(['response_id', 'code']).execute();

  await db.schema.createTable('invitations')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createTable('outbox')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['outbox', 'invitations', 'answer_comments', 'answer_revisions']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('answers').dropColumn('prefilled').execute();
}
