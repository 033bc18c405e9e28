import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { pageInk, pdfText } from '../../../reports/testing/pdfTools';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let otherId: number;
let year: number;

const pdfOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  otherId = (await database.db.selectFrom('structures').select('id').where('departement_code', '=', '13').orderBy('id').executeTakeFirstOrThrow()).id;
  // The last closed campaign: the one with validated responses and a past year to compare with.
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y as number - 1;
});
afterAll(() => database?.close());

describe('GET /api/structures/:id/fact-sheet', () => {
  it('gives the director the centre’s sheet: figures, peers, evolution, in French', async () => {
    const res = await client.request(`/api/structures/${centreId}/fact-sheet?year=${year}`, { headers: await client.loginAs(DEMO.director) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toContain('private');
    const pdf = await pdfOf(res);
    const ink = pageInk(pdf, 'fact-sheet');
    for (const share of ink) expect(share).toBeGreaterThan(0.004);
    const text = pdfText(pdf);
    for (const s of [DEMO_CENTRE.name, 'En bref', 'structures comparables', 'Tous les indicateurs', 'Évolution', 'Bénévoles d’activité']) expect(text, s).toContain(s);
  });

  it('gives the web page the same sheet as texts and tables (format=json), with the PDF’s words', async () => {
    const headers = await client.loginAs(DEMO.director);
    const res = await client.request(`/api/structures/${centreId}/fact-sheet?year=${year}&format=json`, { headers });
    expect(res.status).toBe(200);
    const sheet = await res.json() as { structure: { name: string }; sentences: string[]; indicators: { label: string; own: string; group: string; position: string }[]; evolution: { years: number[] } };
    expect(sheet.structure.name).toBe(DEMO_CENTRE.name);
    expect(sheet.sentences.length).toBeGreaterThan(3);
    expect(sheet.indicators.length).toBeGreaterThan(20);
    const text = pdfText(await pdfOf(await client.request(`/api/structures/${centreId}/fact-sheet?year=${year}`, { headers })));
    const flat = (x: string) => x.replace(/\s+/g, ' ');
    // The first sentence of « En bref » is the PDF's (the PDF may wrap it over lines).
    expect(flat(text)).toContain(flat(sheet.sentences[0]).slice(0, 60));
    const bad = await client.request(`/api/structures/${centreId}/fact-sheet?year=${year}&format=html`, { headers });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/Format attendu/);
  });

  it('is given to the territory’s correspondents, refused to others', async () => {
    expect((await client.request(`/api/structures/${centreId}/fact-sheet?year=${year}`, { headers: await client.loginAs(DEMO.caf69) })).status).toBe(200);
    expect((await client.request(`/api/structures/${otherId}/fact-sheet?year=${year}`, { headers: await client.loginAs(DEMO.caf69) })).status).toBe(403);
    expect((await client.request(`/api/structures/${otherId}/fact-sheet?year=${year}`, { headers: await client.loginAs(DEMO.director) })).status).toBe(403);
    const anonymous = await client.request(`/api/structures/${centreId}/fact-sheet?year=${year}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toMatch(/Connectez-vous/);
  });
});
