import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/connection';
import { latestReleaseFileInfo, releaseFileBytes, type ReleaseFile } from '../../db/releaseFiles.repo';

/** Memory given to stored files per process (SENACS_FILE_CACHE_MB, 64 MB by default); a file over a quarter of it is never kept. */
const cacheBytes = () => Math.max(1, Number(process.env.SENACS_FILE_CACHE_MB) || 64) * 1024 * 1024;

const caches = new WeakMap<Db, LRUCache<string, Buffer>>();

function cacheOf(db: Db): LRUCache<string, Buffer> {
  let cache = caches.get(db);
  if (!cache) {
    const max = cacheBytes();
    caches.set(db, (cache = new LRUCache<string, Buffer>({ maxSize: max, maxEntrySize: Math.floor(max / 4), sizeCalculation: (b) => Math.max(1, b.byteLength) })));
  }
  return cache;
}

/**
 * The stored file `name` of the year's latest release (open data, plaquettes), or undefined when it has none.
 * Which release and which bytes (their SHA-256) is read from the database at each call, so a correction release
 * is served at once; the bytes themselves — a release's file never changes under its name — are read once per
 * process and then kept in memory, the least used dropped first.
 * @example const f = await latestStoredFile(db, 2024, 'opendata/datapackage.json'); if (f) serve(f.bytes, f.sha256)
 */
export async function latestStoredFile(db: Db, year: number, name: string): Promise<ReleaseFile | undefined> {
  const info = await latestReleaseFileInfo(db, year, name);
  if (!info) return undefined;
  const cache = cacheOf(db);
  const key = `${year}/${info.number}/${info.sha256}/${name}`;
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = await releaseFileBytes(db, year, info.number, name);
    // The release removed in between: as if it had no such file.
    if (!bytes) return undefined;
    cache.set(key, bytes);
  }
  return { ...info, bytes };
}
