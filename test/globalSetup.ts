import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, createPGlite } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/seed/demo';
import { createDemoAccounts } from '../src/seed/demoAccounts';
import { TEST_PASSWORD, TEST_SCALE, type TemplateInfo } from '../src/testing/template';

declare module 'vitest' {
  export interface ProvidedContext { dbTemplate: TemplateInfo }
}

/**
 * Builds the test template once per run: migrated schema, real geography, a small demo campaign and the
 * demo accounts. Test files then get their own copy (PGlite data dump, or PostgreSQL TEMPLATE database).
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `senacs_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const tplUrl = withDatabase(url, name);
    const database = await openDatabase({ databaseUrl: tplUrl });
    await migrateToLatest(database.db);
    await seedDemo(database.db, { scale: TEST_SCALE });
    await createDemoAccounts(database.db, TEST_PASSWORD);
    await database.close();
    project.provide('dbTemplate', { kind: 'postgres', url, template: name });
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const pglite = await createPGlite();
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { scale: TEST_SCALE });
  await createDemoAccounts(database.db, TEST_PASSWORD);
  const dump = await pglite.dumpDataDir('none');
  const file = join(tmpdir(), `senacs-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('dbTemplate', { kind: 'pglite', file });
  return async () => { await rm(file, { force: true }); };
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
