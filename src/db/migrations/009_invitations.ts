import { sql, type Kysely } from 'kysely';

/**
 * Invitations by e-mail link (table created in 002): who accepted, revocation, and an index for the
 * director's list and the per-structure rate limit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations')
    .addColumn('accepted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('invitations_structure').on('invitations').columns(['structure_id', 'created_at']).execute();
  await sql`alter table invitations add constraint invitations_role check (role in ('contributor', 'board_member'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table invitations drop constraint if exists invitations_role`.execute(db);
  await db.schema.dropIndex('invitations_structure').ifExists().execute();
  await db.schema.alterTable('invitations').dropColumn('revoked_by').dropColumn('revoked_at').dropColumn('accepted_by').execute();
}
