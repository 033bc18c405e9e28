import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../db/connection';
import { databaseFingerprint, fingerprintChanges, writeWatcher } from './dbFingerprint';
import { openTestDatabase } from './testDb';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('database fingerprint', () => {
  it('covers every table and sees a changed, an added and a removed row', async () => {
    const db = database.db;
    const before = await databaseFingerprint(db);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['answers', 'responses', 'users', 'login_limits']));
    expect(Object.keys(before).some((t) => t.startsWith('kysely_'))).toBe(false);
    expect(fingerprintChanges(before, await databaseFingerprint(db))).toEqual([]);

    const answer = await db.selectFrom('answers').select(['response_id', 'code']).limit(1).executeTakeFirstOrThrow();
    await db.updateTable('answers').set({ prefilled: sql<boolean>`not prefilled` }).where('response_id', '=', answer.response_id).where('code', '=', answer.code).execute();
    const changed = await databaseFingerprint(db);
    expect(fingerprintChanges(before, changed)).toEqual(['answers: rows changed']);

    await db.insertInto('regions').values({ code: 'ZZ', name: 'Nulle part' }).execute();
    expect(fingerprintChanges(changed, await databaseFingerprint(db))).toEqual([`regions: ${before.regions.rows} → ${before.regions.rows + 1} rows`]);
    await db.deleteFrom('regions').where('code', '=', 'ZZ').execute();
    expect(fingerprintChanges(changed, await databaseFingerprint(db))).toEqual([]);

    const runs = 20;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) await databaseFingerprint(db);
    console.info(`fingerprint of ${Object.keys(before).length} tables, ${Object.values(before).reduce((n, t) => n + t.rows, 0)} rows: ${((performance.now() - t0) / runs).toFixed(1)} ms`);
  });

  it('leaves out the tables named except', async () => {
    const db = database.db;
    const print = await databaseFingerprint(db, { except: ['regions'] });
    expect(print.regions).toBeUndefined();
    expect(print.departements.rows).toBeGreaterThan(90);
  });

  it('a write watcher sees a write between mark and changes, and a read as nothing', async () => {
    const db = database.db;
    const watch = writeWatcher(db);
    await watch.mark();
    await db.selectFrom('users').selectAll().execute();
    expect(await watch.changes()).toEqual([]);
    await watch.mark();
    await db.updateTable('users').set({ name: sql<string>`name || '.'` }).where('id', '=', sql<number>`(select min(id) from users)`).execute();
    expect(await watch.changes()).toEqual(['users: rows changed']);
    // A transaction that writes and rolls back changes no row.
    await watch.mark();
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('regions').values({ code: 'ZY', name: 'Jamais' }).execute();
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await watch.changes()).toEqual([]);
  });
});
