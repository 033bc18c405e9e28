import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { essValues } from '../../../domain/ess/aggregate';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let year: number;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y - 1;
  for (const k of ['director', 'board', 'caf69'] as const) headers[k] = await client.loginAs(DEMO[k]);
});
afterAll(() => database?.close());

describe('ESS profile of a structure', () => {
  it('the board sees the centre’s profile, its facts read from its own answers', async () => {
    const res = await client.request(`/api/structures/${centreId}/ess?year=${year}`, { headers: headers.board });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.year).toBe(year);
    expect(body.structure).toMatchObject({ id: centreId, name: DEMO_CENTRE.name, departementCode: '69' });
    expect(body.profile.criteria).toHaveLength(3);
    expect(body.profile.goodPractice).toHaveLength(8);
    const { rows } = await sql<{ value: unknown }>`select a.value from answers a join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id
      where r.structure_id = ${centreId} and k.year = ${year} and a.code = 'participation.adherents'`.execute(database.db);
    expect(body.profile.facts.adherents).toBe(rows[0]?.value ?? null);
    for (const i of [...body.profile.criteria, ...body.profile.goodPractice]) {
      expect(['met', 'not_met', 'unknown']).toContain(i.state);
      expect(i.reason).toMatch(/[a-zé]/);
    }
  });

  it('without a year, the latest response; an unanswered year is a French 404', async () => {
    const latest = await client.request(`/api/structures/${centreId}/ess`, { headers: headers.director });
    expect(latest.status).toBe(200);
    expect((await latest.json()).year).toBeGreaterThanOrEqual(year);
    const none = await client.request(`/api/structures/${centreId}/ess?year=2001`, { headers: headers.director });
    expect(none.status).toBe(404);
    expect((await none.json()).error.message).toMatch(/Aucune réponse/);
  });

  it('exports a CSV for the CRESS (semicolons, BOM, every criterion) and a PDF', async () => {
    const csv = await client.request(`/api/structures/${centreId}/ess/export?year=${year}&format=csv`, { headers: headers.caf69 });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="profil-ess-centre-social-de-la-croix-rousse-\d{4}\.csv"/);
    const raw = Buffer.from(await csv.arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text).toContain('rubrique;code;libellé;valeur ou état;motif et éléments');
    expect(text.match(/\ncritère loi 2014;/g)).toHaveLength(3);
    expect(text.match(/\nguide des bonnes pratiques;/g)).toHaveLength(8);
    const pdf = await client.request(`/api/structures/${centreId}/ess/export?year=${year}&format=pdf`, { headers: headers.director });
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.ESS_PDF_OUT) writeFileSync(process.env.ESS_PDF_OUT, bytes);
  });
});

describe('ESS figures of a territory', () => {
  it('publishes the département and the nation through the gate, values equal to a plain recomputation where shown', async () => {
    const res = await client.request(`/api/stats/ess?year=${year}&level=departement&code=69`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.territory).toMatchObject({ level: 'departement', code: '69', name: 'Rhône' });
    expect(body.figures.length).toBeGreaterThan(0);
    for (const f of body.figures) expect(['value', 'suppressed', 'no_data']).toContain(f.cell.state);
    // Plain recomputation of the share of associations among published responses of the Rhône.
    const { rows } = await sql<{ id: number; management: string }>`select s.id, s.management from responses r join campaigns k on k.id = r.campaign_id
      join structures s on s.id = r.structure_id where k.year = ${year} and r.state in ('validated', 'locked') and s.departement_code = '69'`.execute(database.db);
    const share = body.figures.find((f: { indicator: string; stat: string }) => f.indicator === 'ess.association' && f.stat === 'share');
    expect(share).toBeDefined();
    if (share.cell.state === 'value') {
      expect(share.cell.n).toBe(rows.length);
      expect(share.cell.value).toBeCloseTo(rows.filter((r) => essValues(r.management, {})['ess.association']).length / rows.length, 6);
    }
  });

  it('refuses a bad level and an unknown département in French', async () => {
    const bad = await client.request(`/api/stats/ess?year=${year}&level=planete`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/Niveau/);
    expect((await client.request(`/api/stats/ess?year=${year}&level=departement&code=00`)).status).toBe(404);
  });
});
