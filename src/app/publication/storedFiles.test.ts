import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { listReleases } from '../../db/release.repo';
import { storeReleaseFile } from '../../db/releaseFiles.repo';
import { openTestDatabase } from '../../testing/testDb';
import { latestStoredFile } from './storedFiles';

let database: Database$;
let release: { year: number; number: number };
beforeAll(async () => {
  // 1 MB for this file's database: a file over 256 kB is never kept.
  process.env.SENACS_FILE_CACHE_MB = '1';
  database = await openTestDatabase();
  const latest = (await listReleases(database.db))[0];
  release = { year: latest.year, number: latest.number };
});
afterAll(async () => { delete process.env.SENACS_FILE_CACHE_MB; await database.close(); });

/** Changes the stored bytes behind the cache's back (a release's file never changes in real life). */
const overwrite = (name: string, bytes: Buffer, sha256?: string) =>
  sql`update release_files set bytes = decode(${bytes.toString('base64')}, 'base64') ${sha256 ? sql`, sha256 = ${sha256}` : sql``} where name = ${name}`.execute(database.db);

describe('latestStoredFile', () => {
  it('serves the latest release’s file, reading its bytes once per process and its version at each call', async () => {
    const name = 'opendata/test-kept.csv';
    await storeReleaseFile(database.db, { ...release, name, contentType: 'text/csv; charset=utf-8', bytes: Buffer.from('a;b\n1;2\n') });
    const first = await latestStoredFile(database.db, release.year, name);
    expect(first).toMatchObject({ number: release.number, contentType: 'text/csv; charset=utf-8', byteSize: 8 });
    expect(Buffer.from(first!.bytes).toString()).toBe('a;b\n1;2\n');
    // Same release, same SHA-256: the kept bytes (the database's were not read again).
    await overwrite(name, Buffer.from('changed!'));
    expect(Buffer.from((await latestStoredFile(database.db, release.year, name))!.bytes).toString()).toBe('a;b\n1;2\n');
    // Another SHA-256 under the name (as a new release's file would have): read again.
    await overwrite(name, Buffer.from('new file'), 'f'.repeat(64));
    const again = await latestStoredFile(database.db, release.year, name);
    expect(Buffer.from(again!.bytes).toString()).toBe('new file');
    expect(again!.sha256).toBe('f'.repeat(64));
  });

  it('never keeps a file over a quarter of its memory, and answers nothing for a file the release does not have', async () => {
    const name = 'plaquettes/test-large.pdf';
    const large = Buffer.alloc(300 * 1024, 1);
    await storeReleaseFile(database.db, { ...release, name, contentType: 'application/pdf', bytes: large });
    expect((await latestStoredFile(database.db, release.year, name))!.bytes.byteLength).toBe(large.byteLength);
    await overwrite(name, Buffer.alloc(300 * 1024, 2));
    expect((await latestStoredFile(database.db, release.year, name))!.bytes[0]).toBe(2);
    expect(await latestStoredFile(database.db, release.year, 'opendata/absent.csv')).toBeUndefined();
    expect(await latestStoredFile(database.db, 1990, name)).toBeUndefined();
  });
});
