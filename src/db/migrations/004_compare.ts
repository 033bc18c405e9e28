import { sql, type Kysely } from 'kysely';

/**
 * Comparison: frozen nearest-neighbour peer groups (one per structure and campaign), joint-consent requests
 * for named comparisons, and the append-only ledger of every request, grant, refusal and withdrawal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('peer_groups')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('neighbour_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('distance', 'double precision', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('frozen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('peer_groups_pk', ['campaign_id', 'structure_id', 'rank'])
    .execute();

  await db.schema.createTable('consent_requests')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('requester_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('target_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'accepted', 'refused', 'withdrawn')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('withdrawn_at', 'timestamptz')
    .addCheckConstraint('consent_requests_distinct', sql`requester_id <> target_id`)
    .execute();
  // One live request per pair of structures, whichever asked: two concurrent requests cannot both pass.
  await sql`create unique index consent_requests_live_pair on consent_requests
    (least(requester_id, target_id), greatest(requester_id, target_id)) where state in ('pending', 'accepted')`.execute(db);
  await db.schema.createIndex('consent_requests_target').on('consent_requests').column('target_id').execute();
  await db.schema.createIndex('consent_requests_requester').on('consent_requests').column('requester_id').execute();

  await db.schema.createTable('consent_ledger')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // No cascade: the ledger is append-only, a structure with consent history is kept, not deleted.
    .addColumn('request_id', 'integer', (c) => c.notNull().references('consent_requests.id'))
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id'))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('request', 'grant', 'refuse', 'withdraw')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('consent_ledger_request').on('consent_ledger').columns(['request_id', 'id']).execute();
  await sql`create trigger consent_ledger_append_only before update or delete on consent_ledger
    for each row execute function audit_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['consent_ledger', 'consent_requests', 'peer_groups']) await db.schema.dropTable(t).ifExists().execute();
}
