import { sql, type Kysely } from 'kysely';

/**
 * Partner discovery: the partners each structure declares (kind, name, optional SIRET, themes) and the
 * director's consent to share them with the network. Without a consent row nothing is shared.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('partners')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siret', 'text')
    .addColumn('themes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('partners_structure').on('partners').columns(['structure_id', 'id']).execute();
  await db.schema.createIndex('partners_kind').on('partners').column('kind').execute();

  await db.schema.createTable('partner_sharing')
    .addColumn('structure_id', 'integer', (c) => c.primaryKey().references('structures.id').onDelete('cascade'))
    .addColumn('shared', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['partner_sharing', 'partners']) await db.schema.dropTable(t).ifExists().execute();
}
