import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
  // The PGlite template is cached between runs, keyed by everything that shapes it.
  const cacheDir = resolve(import.meta.dirname, '../node_modules/.cache/senacs');
  const file = join(cacheDir, `template-${templateKey()}.tar`);
  if (!existsSync(file)) {
    const pglite = await createPGlite();
    const database = await openDatabase({ pglite });
    await migrateToLatest(database.db);
    await seedDemo(database.db, { scale: TEST_SCALE });
    await createDemoAccounts(database.db, TEST_PASSWORD);
    const dump = await pglite.dumpDataDir('none');
    await database.close();
    await mkdir(cacheDir, { recursive: true });
    await writeFile(`${file}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
    await rename(`${file}.${process.pid}`, file);
  }
  project.provide('dbTemplate', { kind: 'pglite', file });
}

/** A hash of the sources that build the template: migrations, seed, demo generator, questionnaires. */
function templateKey(): string {
  const root = resolve(import.meta.dirname, '..');
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.test.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  // Everything the seed may reach (the seed runs use cases and the quality engine), except the web app.
  for (const d of ['src/db', 'src/seed', 'src/domain', 'src/app', 'questionnaires', 'src/testing']) {
    const p = join(root, d);
    if (existsSync(p)) (statSync(p).isDirectory() ? walk(p) : hash.update(p).update(readFileSync(p)));
  }
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
