import { sql, type Kysely } from 'kysely';

/**
 * Personal data (issue 20). A removed person keeps their user row (answers, revisions and comments point at
 * it) under a pseudonym, marked by removed_at. The append-only trails (audit events, answer revisions,
 * consent ledger) still refuse every delete, and every update except one made inside a transaction that
 * declared itself a pseudonymisation (`set local senacs.pseudonymise = 'on'`): the retention job and the
 * removal of a person are the only writers doing so, through src/db/privacy.repo.ts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('removed_at', 'timestamptz').execute();
  await sql`create or replace function audit_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('senacs.pseudonymise', true) = 'on' then return new; end if;
      raise exception '% is append-only', tg_table_name;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create or replace function audit_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_events is append-only'; end $$`.execute(db);
  await db.schema.alterTable('users').dropColumn('removed_at').execute();
}
