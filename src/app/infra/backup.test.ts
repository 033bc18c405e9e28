import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database$, type Db } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { BACKUP_TABLES } from '../../db/backup.repo';
import { openTestDatabase } from '../../testing/testDb';
import { AppError } from '../../domain/errors';
import { backupDatabase, restoreDatabase } from './backup';

let source: Database$;
let target: Database$;
let dir: string;
let file: string;
let sourcePrints: Record<string, { n: number; h: string }>;

/** Row count and a hash of the rows (sorted, dates as ISO) of every table: comparable across PGlite and PostgreSQL. */
async function fingerprint(db: Db) {
  const out: Record<string, { n: number; h: string }> = {};
  for (const t of BACKUP_TABLES) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db)).rows;
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    out[t] = { n: rows.length, h: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return out;
}

/** Cheaper, same-engine fingerprint for "left unchanged" checks: counts and an md5 computed by the database. */
async function quickPrint(db: Db) {
  const out: Record<string, string> = {};
  for (const t of BACKUP_TABLES) {
    const r = await sql<{ v: string }>`select count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as v from ${sql.table(t)} x`.execute(db);
    out[t] = r.rows[0].v;
  }
  return out;
}
let targetQuick: Record<string, string>;

beforeAll(async () => {
  source = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'senacs-backup-test-'));
  file = join(dir, 'senacs.backup.gz');
  target = await openDatabase({});
  await migrateToLatest(target.db);
  sourcePrints = await fingerprint(source.db);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const expectRefused = async (p: Promise<unknown>, message: RegExp) => {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).message).toMatch(message);
  expect((e as AppError).stack ?? '').not.toBe((e as AppError).message);
};

describe('backup and restore', { timeout: 240_000 }, () => {
  it('backs up every table, with the row counts of the source', async () => {
    const counts = await backupDatabase(source.db, file);
    expect(Object.keys(counts)).toEqual([...BACKUP_TABLES]);
    for (const t of BACKUP_TABLES) expect(counts[t], t).toBe(sourcePrints[t].n);
    expect(sourcePrints.structures.n).toBeGreaterThan(50);
    expect(sourcePrints.answers.n).toBeGreaterThan(1000);
    expect(sourcePrints.users.n).toBe(7);
  });

  it('restores into a fresh migrated PGlite: same counts and same content, table by table', async () => {
    const counts = await restoreDatabase(target.db, file);
    for (const t of BACKUP_TABLES) expect(counts[t] ?? 0, t).toBe(sourcePrints[t].n);
    expect(await fingerprint(target.db)).toEqual(sourcePrints);
    targetQuick = await quickPrint(target.db);
  });

  it('continues the id sequences after the restored rows', async () => {
    const max = (await target.db.selectFrom('users').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m;
    const row = await target.db.insertInto('users').values({ email: 'apres-restauration@test.senacs.test', name: 'Après', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    expect(row.id).toBe(max + 1);
    await target.db.deleteFrom('users').where('id', '=', row.id).execute();
  });

  it('refuses a non-empty database without replace, and replaces it with replace', async () => {
    await expectRefused(restoreDatabase(target.db, file), /pas vide.*--replace/);
    expect(await quickPrint(target.db)).toEqual(targetQuick);
    await target.db.insertInto('regions').values({ code: 'ZZ', name: 'Région en trop' }).execute();
    expect(await quickPrint(target.db)).not.toEqual(targetQuick);
    await restoreDatabase(target.db, file, { replace: true });
    expect(await quickPrint(target.db)).toEqual(targetQuick);
  });

  it('reads the header even when the database keeps the restore waiting before it reads the file', async () => {
    // The embedded database has one connection: a transaction held open by someone else makes the restore's
    // transaction wait, with the event loop free to read the file (lines read before the loop asked for them were lost).
    const slow = target.db.transaction().execute(async () => { await new Promise((r) => setTimeout(r, 400)); });
    await restoreDatabase(target.db, file, { replace: true });
    await slow;
    expect(await quickPrint(target.db)).toEqual(targetQuick);
  }, 60_000);

  it('refuses a truncated file in French and leaves the target as it was', async () => {
    const whole = await readFile(file);
    const truncated = join(dir, 'truncated.gz');
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(restoreDatabase(target.db, truncated, { replace: true }), /illisible|tronqué|corrompue/);
    expect(await quickPrint(target.db)).toEqual(targetQuick);
  });

  it('refuses garbage, a gzip of something else and an empty file, leaving the target as it was', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['garbage.gz', Buffer.from('ceci n’est pas une sauvegarde'), /illisible|gzip/],
      ['other.gz', gzipSync('{"format":"autre-chose/1"}\n{"t":"users","r":{}}\n'), /pas une sauvegarde Senacs/],
      ['badline.gz', gzipSync('{"format":"senacs-backup/1"}\n{"t":"mots_de_passe","r":{"x":1}}\n'), /corrompue/],
      ['notjson.gz', gzipSync('{"format":"senacs-backup/1"}\n{"t":"users", "r": \n'), /illisible/],
      ['empty.gz', gzipSync(''), /vide/],
    ];
    for (const [name, content, message] of cases) {
      const f = join(dir, name);
      await writeFile(f, content);
      await expectRefused(restoreDatabase(target.db, f, { replace: true }), message);
    }
    expect(await quickPrint(target.db)).toEqual(targetQuick);
  });

  it('refuses a backup whose rows break the schema and leaves the target as it was', async () => {
    const f = join(dir, 'orphan.gz');
    // A membership of a user that does not exist: the foreign key refuses it, the transaction undoes the truncation.
    await writeFile(f, gzipSync('{"format":"senacs-backup/1"}\n{"t":"regions","r":{"code":"84","name":"Auvergne-Rhône-Alpes"}}\n{"t":"memberships","r":{"id":1,"user_id":4242,"role":"national_admin"}}\n'));
    const e = await restoreDatabase(target.db, f, { replace: true }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(await quickPrint(target.db)).toEqual(targetQuick);
  });
});
