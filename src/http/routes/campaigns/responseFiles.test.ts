import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { readAnswerTable } from '../../../app/files/answerTableFile';

let database: Database$;
let client: ReturnType<typeof testClient>;
let caf69: Record<string, string>;
let national: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  [caf69, national] = await Promise.all([client.loginAs(DEMO.caf69), client.loginAs(DEMO.national)]);
});
afterAll(() => database.close());

const exportOf = async (query: string, h: Record<string, string>) => client.request(`/api/campaigns/2024/responses/export?${query}`, { headers: h });
const importAs = (h: Record<string, string>, body: BodyInit, query = '', type = 'text/csv') =>
  client.request(`/api/campaigns/2024/responses/import${query}`, { method: 'POST', headers: { ...h, ...(type ? { 'content-type': type } : {}) }, body });
const revisionCount = async () => Number((await database.db.selectFrom('answer_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('responses export and import through the API', () => {
  it('exports a correspondent’s département only, as CSV or XLSX', async () => {
    const res = await exportOf('level=departement&code=69', caf69);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/reponses-2024-departement-69\.csv/);
    const table = await readAnswerTable(new Uint8Array(await res.arrayBuffer()));
    expect(table.columns.slice(0, 3)).toEqual(['siret', 'structure', expect.any(String)]);
    const sirets = table.rows.map((r) => String(r.cells[0]));
    const places = await database.db.selectFrom('structures').select('departement_code').where('siret', 'in', sirets).execute();
    expect(places.length).toBe(sirets.length);
    expect(new Set(places.map((p) => p.departement_code))).toEqual(new Set(['69']));
    const xlsx = await exportOf('level=departement&code=69&format=xlsx', caf69);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect((await readAnswerTable(new Uint8Array(await xlsx.arrayBuffer()))).rows.length).toBe(table.rows.length);
  });

  it('refuses to export outside one’s territory, and to anonymous visitors', async () => {
    expect((await exportOf('level=nation', caf69)).status).toBe(403);
    expect((await exportOf('level=departement&code=13', caf69)).status).toBe(403);
    expect((await exportOf('level=departement&code=69', {})).status).toBe(401);
    expect((await exportOf('format=pdf', national)).status).toBe(400);
  });

  it('re-imports a correspondent’s own file (raw CSV or multipart), changing nothing', async () => {
    const bytes = new Uint8Array(await (await exportOf('level=departement&code=69', caf69)).arrayBuffer());
    const raw = await importAs(caf69, bytes);
    expect(raw.status).toBe(200);
    expect(await raw.json()).toMatchObject({ stored: true, written: 0, problems: [] });
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/csv' }), 'reponses.csv');
    const multipart = await importAs(caf69, form, '?dryRun=true', '');
    expect(multipart.status).toBe(200);
    expect(await multipart.json()).toMatchObject({ stored: false, dryRun: true });
  });

  it('refuses rows outside a correspondent’s territory, storing nothing', async () => {
    const text = new TextDecoder().decode(new Uint8Array(await (await exportOf('level=nation', national)).arrayBuffer()));
    const grid = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    const column = grid[0].indexOf('participation.benevoles');
    for (const row of grid.slice(1)) if (row[column]) row[column] = String(Number(row[column]) + 1);
    const before = await revisionCount();
    const res = await importAs(caf69, Papa.unparse(grid));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toMatch(/rien n’a été enregistré/);
    expect(error.details.problems.some((p: { message: string }) => /hors de votre territoire/.test(p.message))).toBe(true);
    expect(error.details.stored).toBe(false);
    expect(await revisionCount()).toBe(before);
    const ok = await importAs(national, Papa.unparse(grid));
    expect(ok.status).toBe(200);
    expect((await ok.json()).written).toBeGreaterThan(10);
    expect(await revisionCount()).toBeGreaterThan(before);
  });

  it('refuses structure teams, empty bodies and files without a siret column', async () => {
    expect((await importAs(await client.loginAs(DEMO.director), 'siret\n')).status).toBe(403);
    const empty = await importAs(national, '');
    expect(empty.status).toBe(400);
    const noSiret = await importAs(national, 'nom,participation.benevoles\nA,3\n');
    expect(noSiret.status).toBe(400);
    expect((await noSiret.json()).error.message).toMatch(/siret/);
    const notXlsx = await importAs(national, new Uint8Array([0x50, 0x4b, 1, 2, 3]));
    expect(notXlsx.status).toBe(400);
    expect((await notXlsx.json()).error.message).toMatch(/xlsx/);
  });
});
