import { sql, type Kysely } from 'kysely';

/**
 * Releases: the public figures of a campaign come from numbered, dated, frozen releases. Each keeps the
 * population it was computed from (every validated response's public attributes and aggregated answers, as
 * they stood) and its audited fixed table, so public outputs never move when one response changes, and a
 * later release is audited against the earlier ones. Frozen nearest neighbours chosen on confidential
 * values (budget, FTE) are dropped: neighbours are now chosen on public attributes only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('releases')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('figures', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('releases_year_number', ['year', 'number'])
    .execute();
  await sql`alter table releases add constraint releases_number_positive check (number >= 1)`.execute(db);
  await db.schema.createTable('release_records')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('structure_id', 'integer', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_records_pk', ['release_id', 'structure_id'])
    .execute();
  await sql`delete from peer_groups`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('release_records').ifExists().execute();
  await db.schema.dropTable('releases').ifExists().execute();
}
