import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { testClient } from '../testing/http';
import { matchesIfNoneMatch } from './conditional';

describe('matchesIfNoneMatch', () => {
  it('matches one of the listed tags by weak comparison, or *', () => {
    expect(matchesIfNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"x", W/"abc" ', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"abc"')).toBe(true);
    expect(matchesIfNoneMatch('"abd"', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch('abc', '"abc"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"abc"')).toBe(false);
    expect(matchesIfNoneMatch('', '"abc"')).toBe(false);
  });
});

describe('published figures come back as 304 when the client holds them', () => {
  let database: Database$;
  let client: ReturnType<typeof testClient>;
  beforeAll(async () => {
    database = await openTestDatabase();
    client = testClient(database);
  });
  afterAll(() => database?.close());

  it('a dashboard: tagged, 304 without a body for its tag (strong, or weak as compressed), 200 for another', async () => {
    const path = '/api/stats/dashboard?year=2024&level=departement&code=69';
    const first = await client.request(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const body = await first.text();

    const again = await client.request(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    // Compressed, the tag goes weak; sent back, it still matches.
    const zipped = await client.request(path, { headers: { 'Accept-Encoding': 'br' } });
    expect(zipped.headers.get('content-encoding')).toBe('br');
    expect(zipped.headers.get('etag')).toBe(`W/${etag}`);
    expect((await client.request(path, { headers: { 'If-None-Match': `W/${etag}`, 'Accept-Encoding': 'br' } })).status).toBe(304);

    const other = await client.request(path, { headers: { 'If-None-Match': '"autre-version"' } });
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(body);
    // Another territory is another answer, with another tag.
    const nation = await client.request('/api/stats/dashboard?year=2024&level=nation');
    expect(nation.headers.get('etag')).not.toBe(etag);
    expect((await client.request('/api/stats/dashboard?year=2024&level=nation', { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });

  it('an open-data file stored with its release: tagged with its stored hash, 304 for it', async () => {
    const path = '/api/opendata/2024/files/datapackage.json';
    await client.request(path); // built and stored on first use when the release's files are not stored yet
    const stored = await client.request(path);
    expect(stored.status).toBe(200);
    const etag = stored.headers.get('etag')!;
    const row = await database.db.selectFrom('release_files').select('sha256').where('year', '=', 2024).where('name', '=', 'opendata/datapackage.json')
      .orderBy('number', 'desc').executeTakeFirstOrThrow();
    expect(etag).toBe(`"${row.sha256.slice(0, 32)}"`);
    const again = await client.request(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await client.request(path, { headers: { 'If-None-Match': '"0000"' } })).status).toBe(200);
  });
});
