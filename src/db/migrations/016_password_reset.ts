import { sql, type Kysely } from 'kysely';

/**
 * "Mot de passe oublié ?" (issue 14): one row per reset asked for an existing account. Like invitations, the
 * token is stored as its SHA-256 only, and the e-mail kept in the outbox holds a placeholder where the link
 * goes: the sender draws the token and writes the link into the mail at the moment of sending (outbox
 * column password_reset_id), so neither staff reading the outbox nor a backup ever holds a usable link.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('password_resets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').columns(['user_id', 'created_at']).execute();
  await db.schema.alterTable('outbox')
    .addColumn('password_reset_id', 'integer', (c) => c.references('password_resets.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('password_reset_id').execute();
  await db.schema.dropTable('password_resets').execute();
}
