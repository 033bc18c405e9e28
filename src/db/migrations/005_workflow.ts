import { sql, type Kysely } from 'kysely';

/** Trust: queries on answers and their messages, stored quality findings and score, territory deadlines. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('queries')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('opened_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('queries_response').on('queries').columns(['response_id', 'state']).execute();
  await db.schema.createTable('query_messages')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('query_id', 'integer', (c) => c.notNull().references('queries.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('query_messages_query').on('query_messages').column('query_id').execute();
  await db.schema.createTable('quality_findings')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('codes', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('quality_findings_response').on('quality_findings').column('response_id').execute();
  await db.schema.alterTable('responses').addColumn('quality_score', 'integer').execute();
  await db.schema.alterTable('responses').addColumn('quality_at', 'timestamptz').execute();
  await db.schema.alterTable('campaigns').addColumn('deadlines', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['quality_findings', 'query_messages', 'queries']) await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('responses').dropColumn('quality_score').dropColumn('quality_at').execute();
  await db.schema.alterTable('campaigns').dropColumn('deadlines').execute();
}
