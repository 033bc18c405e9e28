import { sql, type Kysely } from 'kysely';

/**
 * External data sets (ELISFA, CAF, INSEE…) compared with the observatory: a data set per name and year
 * with its source, licence and column mapping; the rows of its current file, each matched to a structure
 * or not; and the history of imported files by hash (re-importing the same file changes nothing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('external_datasets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('licence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('external_datasets_name_year', ['name', 'year'])
    .execute();
  await db.schema.createTable('external_rows')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('external_datasets.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('siret', 'text')
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('commune', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('set null'))
    .addColumn('match_method', 'text', (c) => c.notNull())
    .addColumn('match_score', 'real')
    .addColumn('values', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('external_rows_dataset').on('external_rows').columns(['dataset_id', 'line']).execute();
  await db.schema.createIndex('external_rows_structure').on('external_rows').column('structure_id').execute();
  await db.schema.createTable('external_imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('dataset_id', 'integer', (c) => c.notNull().references('external_datasets.id').onDelete('cascade'))
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('external_imports_dataset').on('external_imports').columns(['dataset_id', 'file_hash']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['external_imports', 'external_rows', 'external_datasets']) await db.schema.dropTable(t).ifExists().execute();
}
