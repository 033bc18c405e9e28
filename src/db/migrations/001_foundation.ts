import { sql, type Kysely } from 'kysely';

/** Territories, structures, people, campaigns, responses, answers and the audit trail. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('departements')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .execute();
  await db.schema.createTable('epcis')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('population', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createTable('communes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('departement_code', 'text', (c) => c.notNull().references('departements.code'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('epci_code', 'text', (c) => c.references('epcis.code'))
    .addColumn('postal_code', 'text')
    .addColumn('population', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .execute();
  await db.schema.createIndex('communes_departement').on('communes').column('departement_code').execute();
  await db.schema.createIndex('communes_epci').on('communes').column('epci_code').execute();

  await db.schema.createTable('structures')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('CS','EVS')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siret', 'text', (c) => c.unique())
    .addColumn('address', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('commune_code', 'text', (c) => c.notNull().references('communes.code'))
    .addColumn('departement_code', 'text', (c) => c.notNull().references('departements.code'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('management', 'text', (c) => c.notNull())
    .addColumn('federation_member', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('territory_type', 'text', (c) => c.notNull())
    .addColumn('qpv_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('qpv_codes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('npnru_interest', 'text')
    .addColumn('npnru_stage', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('travellers', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('multi_site', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('itinerant', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('first_approval_on', 'date')
    .addColumn('cell_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('structures_departement').on('structures').column('departement_code').execute();
  await db.schema.createIndex('structures_region').on('structures').column('region_code').execute();
  await db.schema.createIndex('structures_commune').on('structures').column('commune_code').execute();
  await db.schema.createIndex('structures_name').on('structures').column('name').execute();

  await db.schema.createTable('approvals')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .execute();
  await db.schema.createIndex('approvals_structure').on('approvals').column('structure_id').execute();

  await db.schema.createTable('users')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createTable('memberships')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('structure_id', 'integer', (c) => c.references('structures.id').onDelete('cascade'))
    .addColumn('departement_code', 'text', (c) => c.references('departements.code'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();
  await db.schema.createIndex('memberships_structure').on('memberships').column('structure_id').execute();
  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema.createTable('questionnaires')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('questionnaires_year_version', ['year', 'version'])
    .execute();
  await db.schema.createTable('campaigns')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('questionnaire_id', 'integer', (c) => c.references('questionnaires.id'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('preparation'))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .execute();
  await db.schema.createTable('responses')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('structure_id', 'integer', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('not_started'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('validated_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('responses_structure_campaign', ['structure_id', 'campaign_id'])
    .execute();
  await db.schema.createIndex('responses_campaign').on('responses').columns(['campaign_id', 'state']).execute();
  await db.schema.createTable('answers')
    .addColumn('response_id', 'integer', (c) => c.notNull().references('responses.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('answers_pk', ['response_id', 'code'])
    .execute();
  await db.schema.createTable('audit_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_events').columns(['entity', 'entity_id']).execute();
  // The audit trail is append-only: the database itself refuses updates and deletes.
  await sql`create function audit_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_events is append-only'; end $$`.execute(db);
  await sql`create trigger audit_no_update before update or delete on audit_events
    for each row execute function audit_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['audit_events', 'answers', 'responses', 'campaigns', 'questionnaires', 'sessions',
    'memberships', 'users', 'approvals', 'structures', 'communes', 'epcis', 'departements', 'regions']) {
    await db.schema.dropTable(t).ifExists().cascade().execute();
  }
  await sql`drop function if exists audit_append_only() cascade`.execute(db);
}
