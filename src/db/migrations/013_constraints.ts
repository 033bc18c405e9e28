import { sql, type Kysely } from 'kysely';

/**
 * State and role columns accept only the domain's values (the lists are frozen here as they were when this
 * migration was written; src/db/constraints.test.ts checks they still match the domain's unions), and the
 * table of login counters used by rate-limiter-flexible on PostgreSQL (the columns its store expects).
 */
const checks = [
  ['campaigns', 'campaigns_state', 'state', ['preparation', 'open', 'closed', 'published', 'archived']],
  ['responses', 'responses_state', 'state', ['not_started', 'in_progress', 'submitted', 'returned', 'validated', 'locked']],
  ['queries', 'queries_state', 'state', ['open', 'answered', 'closed']],
  ['memberships', 'memberships_role', 'role', ['contributor', 'board_member', 'director', 'correspondent', 'regional_coordinator', 'national_admin']],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, name, column, values] of checks) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(name)} check (${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))}))`.execute(db);
  }
  await db.schema.createTable('login_limits')
    .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_limits').ifExists().execute();
  for (const [table, name] of checks) await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.id(name)}`.execute(db);
}
