import { sql, type Kysely } from 'kysely';

/**
 * The directory lives (issue 15): a structure whose approvals have all ended stays with its history but is
 * no longer expected in later campaigns (ended_on), one taken over by another in a merge or a split points to
 * its successor (successor_id; no foreign key so a backup restores structures in id order whichever came
 * first), and directors' correction requests wait for the territory's correspondents. An invitation may
 * also bring a territory role (correspondent, regional coordinator): no structure then, its scope instead
 * (organisation, départements or région), given as memberships when the link is accepted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('structures')
    .addColumn('ended_on', 'date')
    .addColumn('successor_id', 'integer')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('structures_siret').on('structures').column('siret').execute();
  await db.schema.createTable('structure_corrections')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open').check(sql`state in ('open', 'done', 'declined')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('invitations').alterColumn('structure_id', (c) => c.dropNotNull()).execute();
  await db.schema.alterTable('invitations').addColumn('scope', 'jsonb').execute();
  // Directors are invited by their correspondents, territory people by the nation or their region.
  await sql`alter table invitations drop constraint if exists invitations_role`.execute(db);
  await sql`alter table invitations add constraint invitations_role check (role in ('contributor', 'board_member', 'director', 'correspondent', 'regional_coordinator'))`.execute(db);
  await sql`alter table invitations add constraint invitations_structure_or_scope check ((structure_id is null) <> (scope is null))`.execute(db);
  await db.schema.createIndex('structure_corrections_structure').on('structure_corrections').column('structure_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from invitations where structure_id is null or role not in ('contributor', 'board_member')`.execute(db);
  await sql`alter table invitations drop constraint if exists invitations_role`.execute(db);
  await sql`alter table invitations add constraint invitations_role check (role in ('contributor', 'board_member'))`.execute(db);
  await sql`alter table invitations drop constraint if exists invitations_structure_or_scope`.execute(db);
  await db.schema.alterTable('invitations').dropColumn('scope').execute();
  await db.schema.alterTable('invitations').alterColumn('structure_id', (c) => c.setNotNull()).execute();
  await db.schema.dropTable('structure_corrections').ifExists().execute();
  await db.schema.dropIndex('structures_siret').ifExists().execute();
  for (const c of ['updated_at', 'successor_id', 'ended_on']) await db.schema.alterTable('structures').dropColumn(c).execute();
}
