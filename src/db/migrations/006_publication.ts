import { sql, type Kysely } from 'kysely';

/**
 * Publication: the structures' "fiches actions" (experiences shared with peers and the public), drafts
 * and published ones. Search reads a French full-text vector of the same text (see actionSheet.repo.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('action_sheets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft').check(sql`state in ('draft', 'published')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('keywords', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resources', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('results_territory', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('results_centre', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('results_inhabitants', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('limits', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_steps', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('action_sheets_structure').on('action_sheets').columns(['structure_id', 'state']).execute();
  await db.schema.createIndex('action_sheets_published').on('action_sheets').columns(['state', 'published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_sheets').ifExists().execute();
}
