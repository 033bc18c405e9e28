import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection';
import * as m001 from './migrations/001_foundation';
import * as m002 from './migrations/002_filling';
import * as m003 from './migrations/003_local_questions';
import * as m004 from './migrations/004_compare';
import * as m005 from './migrations/005_workflow';
import * as m006 from './migrations/006_publication';
import * as m009 from './migrations/009_invitations';
import * as m007 from './migrations/007_external';
import * as m008 from './migrations/008_partners';
import * as m012 from './migrations/012_outbox';
import * as m010 from './migrations/010_releases';
import * as m013 from './migrations/013_constraints';
import * as m011 from './migrations/011_secrets';
import * as m014 from './migrations/014_personal_data';
import * as m015 from './migrations/015_directory';
import * as m016 from './migrations/016_password_reset';
import * as m017 from './migrations/017_empty_answers';
import * as m018 from './migrations/018_jobs';
import * as m019 from './migrations/019_release_files';
import * as m020 from './migrations/020_job_requests';

/** Migrations live in code so the bundle and both databases see the same list, in order. */
const migrations: Record<string, Migration> = {
  '001_foundation': m001,
  '002_filling': m002,
  '003_local_questions': m003,
  '004_compare': m004,
  '005_workflow': m005,
  '006_publication': m006,
  '009_invitations': m009,
  '007_external': m007,
  '008_partners': m008,
  '012_outbox': m012,
  '010_releases': m010,
  '013_constraints': m013,
  '011_secrets': m011,
  '014_personal_data': m014,
  '015_directory': m015,
  '016_password_reset': m016,
  '017_empty_answers': m017,
  '018_jobs': m018,
  '019_release_files': m019,
  '020_job_requests': m020,
};

class InCodeProvider implements MigrationProvider {
  async getMigrations() { return migrations; }
}

/**
 * Brings the schema to the latest version; safe to call on every start.
 * @example await migrateToLatest(db);
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
