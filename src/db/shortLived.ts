import type { Db } from './connection';

/**
 * Small values read on nearly every request (a year's current release, the campaign years), kept per
 * database handle for `ttlMs`: a burst of requests reads them once. Whoever writes them in this process
 * calls `forget` (seen at once here); another process sees the change within `ttlMs`. Callers at once
 * share one read; a failed read is not kept. At most `maxKeys` keys per handle (keys can come from
 * visitors: a search text): past it, the kept values are dropped.
 * @example const years = shortLived<number[]>(1000); await years.read(db, 'all', () => selectYears(db));
 */
export function shortLived<V>(ttlMs: number, maxKeys = 1000) {
  const perDb = new WeakMap<Db, Map<string, { at: number; generation: number; value: Promise<V> }>>();
  let generation = 0;
  return {
    read(db: Db, key: string, load: () => Promise<V>): Promise<V> {
      let kept = perDb.get(db);
      if (!kept) perDb.set(db, (kept = new Map()));
      const now = Date.now();
      const hit = kept.get(key);
      if (hit && hit.generation === generation && now - hit.at < ttlMs) return hit.value;
      const entry = { at: now, generation, value: load() };
      if (kept.size >= maxKeys) kept.clear();
      kept.set(key, entry);
      entry.value.catch(() => { if (kept.get(key) === entry) kept.delete(key); });
      return entry.value;
    },
    /** Drops every kept value (of every database handle). */
    forget(): void { generation++; },
  };
}
