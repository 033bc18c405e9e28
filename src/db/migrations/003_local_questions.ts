import { sql, type Kysely } from 'kysely';

/**
 * Local questions: a département or a region adds SurveyJS questions to a campaign for the structures of
 * its territory. `code` is the full namespaced code (`local.69.…`, `local.r84.…`), unique per campaign.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('local_questions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('departement', 'region')`))
    .addColumn('territory_code', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('element', 'jsonb', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('local_questions_campaign_code', ['campaign_id', 'code'])
    .execute();
  await db.schema.createIndex('local_questions_territory').on('local_questions').columns(['campaign_id', 'level', 'territory_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('local_questions').ifExists().execute();
}
