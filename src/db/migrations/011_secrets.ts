import { sql, type Kysely } from 'kysely';

/**
 * No secret at rest (issue 13). Invitation tokens and session ids were already stored as SHA-256, but the
 * invitation e-mail kept in the outbox held the live link, readable by correspondents and copied into every
 * backup. From now on the outbox row points at its invitation and its body holds a placeholder; the link is
 * written into the mail only at the moment of sending, with a fresh token (see prepareMailForSending).
 *
 * Existing rows: every invitation link in a stored body is redacted; each invitation mail is tied to its
 * invitation; a still-pending invitation whose link sat in the outbox gets an unknown token (that link is
 * dead) and its mail goes back to the queue, to be sent again with a new link once mail is configured.
 */

/** A frozen copy of INVITATION_TOKEN_SLOT (src/domain/secretLinks.ts) as it was when this migration was written. */
const TOKEN_SLOT = '[lien-personnel-ajouté-à-l’envoi]';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox')
    .addColumn('invitation_id', 'integer', (c) => c.references('invitations.id').onDelete('cascade'))
    .execute();
  await sql`update outbox o set invitation_id = (
      select i.id from invitations i where i.email = lower(o.to_email) and i.structure_id = o.structure_id
      order by abs(extract(epoch from i.created_at - o.created_at)) limit 1)
    where o.body ~ '/invitation/[A-Za-z0-9_-]{20,}'`.execute(db);
  await sql`update outbox set body = regexp_replace(body, '/invitation/[A-Za-z0-9_-]{20,}', ${`/invitation/${TOKEN_SLOT}`}, 'g')
    where body ~ '/invitation/[A-Za-z0-9_-]{20,}'`.execute(db);
  // A value that is the hash of no token ('dead:' is not base64url): the exposed link stops working.
  await sql`update invitations set token_hash = 'dead:' || md5(random()::text || id::text || clock_timestamp()::text)
    where accepted_at is null and revoked_at is null and expires_at > now()
      and exists (select 1 from outbox o where o.invitation_id = invitations.id)`.execute(db);
  await sql`update outbox set sent_at = null where invitation_id in (
      select id from invitations where accepted_at is null and revoked_at is null and expires_at > now())`.execute(db);
  await db.schema.createIndex('outbox_invitation').on('outbox').column('invitation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_invitation').ifExists().execute();
  await db.schema.alterTable('outbox').dropColumn('invitation_id').execute();
}
