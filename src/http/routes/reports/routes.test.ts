import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';
import { pdfText } from '../../../reports/testing/pdfTools';

let database: Database$;
let client: ReturnType<typeof testClient>;
let year: number;

const pdfOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  // The last closed campaign: the one with validated responses and a past year to compare with.
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y as number - 1;
});
afterAll(() => database?.close());

describe('GET /api/reports/plaquette', () => {
  it('answers a PDF to anyone, named after the territory', async () => {
    const res = await client.request(`/api/reports/plaquette?level=departement&code=69&year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="plaquette-${year}-departement-69.pdf"`);
    const pdf = await pdfOf(res);
    expect(pdfText(pdf)).toContain('Rhône');

    // Stored with its release once drawn: read back with its stored hash as entity tag, a 304 for it.
    const stored = await client.request(`/api/reports/plaquette?level=departement&code=69&year=${year}`);
    const etag = stored.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await pdfOf(stored)).equals(pdf)).toBe(true);
    const again = await client.request(`/api/reports/plaquette?level=departement&code=69&year=${year}`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses bad input in French', async () => {
    for (const [qs, status] of [['level=departement&year=2024', 400], ['level=canton&code=69&year=2024', 400], ['level=region&code=99&year=2024', 404], ['level=nation', 400]] as const) {
      const res = await client.request(`/api/reports/plaquette?${qs}`);
      expect(res.status, qs).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(/[éèàç’«]|code|Année/);
    }
  });
});
