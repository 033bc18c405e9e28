import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection';

/** A stored file of a release, as the API serves it. */
export interface ReleaseFile {
  /** The release the file belongs to. */
  number: number;
  contentType: string;
  bytes: Uint8Array;
  byteSize: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

/*
 * The bytes cross the connection as base64 text (encode/decode in SQL): PGlite reads and writes a bytea
 * parameter or value as hex text, parsed character by character, about 8 times slower (a 14 MB CSV: 7 s to
 * store and 1.3 s to read as bytea, 0.85 s and 0.16–0.3 s as base64).
 */

/**
 * Stores one file of a release, once: a file already stored under the same (year, number, name) is left as
 * it is (insert … on conflict do nothing, so two processes building the same release store it once).
 * Answers whether this call stored it.
 * @example await storeReleaseFile(db, { year: 2024, number: 1, name: 'opendata/datapackage.json', contentType: 'application/json', bytes: Buffer.from('{}') }) // true, then false
 */
export async function storeReleaseFile(db: Db, f: { year: number; number: number; name: string; contentType: string; bytes: Uint8Array }): Promise<boolean> {
  const bytes = Buffer.isBuffer(f.bytes) ? f.bytes : Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  const rows = await db.insertInto('release_files').values({
    year: f.year, number: f.number, name: f.name, content_type: f.contentType, bytes: sql<Uint8Array>`decode(${bytes.toString('base64')}, 'base64')`,
    byte_size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'),
  }).onConflict((oc) => oc.columns(['year', 'number', 'name']).doNothing()).returning('name').execute();
  return rows.length === 1;
}

/** What is known of a stored file without its bytes. */
export type ReleaseFileInfo = Omit<ReleaseFile, 'bytes'>;

/**
 * The stored file `name` of the year's latest release without its bytes, or undefined when that release has none
 * of that name (not built yet, or a year without release). One statement: the latest release and its file.
 * @example const f = await latestReleaseFileInfo(db, 2024, 'opendata/datapackage.json'); // { number: 1, sha256: '9f86…', … }
 */
export async function latestReleaseFileInfo(db: Db, year: number, name: string): Promise<ReleaseFileInfo | undefined> {
  const r = await db.selectFrom('release_files')
    .select(['number', 'content_type', 'byte_size', 'sha256'])
    .where('year', '=', year).where('name', '=', name)
    .where('number', '=', (eb) => eb.selectFrom('releases').select((s) => s.fn.max('number').as('n')).where('releases.year', '=', year))
    .executeTakeFirst();
  return r && { number: r.number, contentType: r.content_type, byteSize: r.byte_size, sha256: r.sha256 };
}

/**
 * The bytes of one stored file of a release (a release's files never change under their name), or undefined.
 * @example const bytes = await releaseFileBytes(db, 2024, 1, 'opendata/datapackage.json');
 */
export async function releaseFileBytes(db: Db, year: number, number: number, name: string): Promise<Buffer | undefined> {
  const r = await db.selectFrom('release_files').select(sql<string>`encode(bytes, 'base64')`.as('base64'))
    .where('year', '=', year).where('number', '=', number).where('name', '=', name).executeTakeFirst();
  return r && Buffer.from(r.base64, 'base64');
}

/**
 * The names of the files stored for a release, in order.
 * @example await releaseFileNames(db, 2024, 1) // ['opendata/agregats-france-2024.csv', …, 'plaquettes/plaquette-2024-france.pdf']
 */
export async function releaseFileNames(db: Db, year: number, number: number): Promise<string[]> {
  const rows = await db.selectFrom('release_files').select('name').where('year', '=', year).where('number', '=', number).orderBy('name').execute();
  return rows.map((r) => r.name);
}
