import { sql, type Kysely } from 'kysely';

/**
 * The stored files of a release (issue 16): its open-data files (each CSV, its .schema.json,
 * datapackage.json and the listing) and its plaquettes, built once by the `release.files` job (or by the
 * first public request that found them missing) and then served as stored. Keyed by (year, release number,
 * name): a new release never serves an older one's files, and a file is written once (insert … on conflict
 * do nothing, so two processes building the same release store each file once). The bytes are what the API
 * serves; sha256 and byte_size say which bytes they are without reading them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('release_files')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull().check(sql`byte_size >= 0`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('release_files_pk', ['year', 'number', 'name'])
    .addForeignKeyConstraint('release_files_release', ['year', 'number'], 'releases', ['year', 'number'], (c) => c.onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('release_files').ifExists().execute();
}
