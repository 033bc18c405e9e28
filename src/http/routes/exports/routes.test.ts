import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { cellColumns, type TableColumn } from '../../../reports/table/table';
import { fromCsv } from '../../../reports/table/csv';
import { fromXlsx } from '../../../reports/table/xlsx';
import { asPercent, statLabels } from '../../../reports/table/figures';

let database: Database$;
let client: ReturnType<typeof testClient>;
let year: number;
let centreId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y - 1;
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
});
afterAll(() => database?.close());

interface Cell { state: 'value' | 'suppressed' | 'no_data'; value?: number; n?: number; rule?: string }
interface Figure { indicator: string; stat: string; territory: { level: string; code: string }; cell: Cell }

/** The columns of a downloaded CSV, typed from its header names (valeur, effectif and evolution are numbers). */
const columnsOf = (csv: string): TableColumn[] => csv.replace(/^\uFEFF/, '').split('\r\n')[0].split(';')
  .map((name) => ({ name, title: name, type: ['valeur', 'effectif', 'evolution', 'evolution_pct', 'valeur_structure', 'id', 'structure_id'].includes(name) ? 'number' : 'string' }));

/** Exports write every share as a percentage 0–100 (the API gives the gate's fraction). */
const asExported = (stat: string, cell: unknown) => cellColumns(stat === 'share' ? asPercent(cell as never) : cell as never);
const expectedRow = (f: Figure) => ({ territoire_code: f.territory.code, indicateur_code: f.indicator, statistique: statLabels[f.stat as keyof typeof statLabels], ...asExported(f.stat, f.cell) });
const pick = (r: Record<string, unknown>) => ({ territoire_code: r.territoire_code, indicateur_code: r.indicateur_code, statistique: r.statistique, valeur: r.valeur, effectif: r.effectif, statut: r.statut });

describe('dashboard export', () => {
  it('CSV and XLSX carry exactly the dashboard’s cells, suppressed ones as « secret (règle) » with no value', async () => {
    const q = `year=${year}&level=region&code=84`;
    const dash = await (await client.request(`/api/stats/dashboard?${q}`)).json() as { figures: Figure[] };
    expect(dash.figures.some((f) => f.cell.state === 'suppressed')).toBe(true);
    expect(dash.figures.some((f) => f.cell.state === 'value')).toBe(true);

    const res = await client.request(`/api/exports/dashboard?${q}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="senacs-tableau-de-bord-\d{4}-region-84\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(Papa.parse(csv.slice(1), { header: true, delimiter: ';', skipEmptyLines: true }).errors).toEqual([]);
    const rows = fromCsv(csv, columnsOf(csv));
    expect(rows.map(pick)).toEqual(dash.figures.map(expectedRow));
    expect(rows.filter((r) => String(r.statut).startsWith('secret')).every((r) => r.valeur === null)).toBe(true);

    const x = await client.request(`/api/exports/dashboard?${q}&format=xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toMatch(/spreadsheetml/);
    const xrows = await fromXlsx(Buffer.from(await x.arrayBuffer()), columnsOf(csv));
    expect(xrows.map(pick)).toEqual(dash.figures.map(expectedRow));
  });

  it('the working view is refused to the public, as on screen', async () => {
    const res = await client.request(`/api/exports/dashboard?year=${year}&level=departement&code=69&view=working`);
    expect(res.status).toBe(401);
    const caf = await client.loginAs(DEMO.caf69);
    expect((await client.request(`/api/exports/dashboard?year=${year}&level=departement&code=69&view=working&format=xlsx`, { headers: caf })).status).toBe(200);
  });

  it('a bad format is a French 400', async () => {
    const res = await client.request(`/api/exports/dashboard?year=${year}&format=pdf`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Format/);
  });
});

describe('free query export', () => {
  it('carries the same (perturbed) cells as the query itself', async () => {
    const body = { year, indicators: ['finances.produits', 'actions.acces_droits.oui'], level: 'departement', territories: ['69', '13', '73'], filters: [{ dimension: 'kind', value: 'CS' }] };
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const result = await client.request('/api/stats/query', init);
    expect(result.status).toBe(200);
    const q = await result.json() as { figures: Figure[] };
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await client.request(`/api/exports/query?format=${format}`, init);
      expect(res.status).toBe(200);
      const buf = Buffer.from(await res.arrayBuffer());
      const csvCols = columnsOf(format === 'csv' ? buf.toString('utf8') : (await (await client.request('/api/exports/query', init)).text()));
      const rows = format === 'csv' ? fromCsv(buf.toString('utf8'), csvCols) : await fromXlsx(buf, csvCols);
      expect(rows.map(pick)).toEqual(q.figures.map(expectedRow));
      expect(rows.every((r) => r.filtres === 'kind:CS')).toBe(true);
    }
  });
});

describe('directory export', () => {
  it('lists every structure of a département, the same ones as the directory', async () => {
    const list = await (await client.request('/api/structures?departement=69&pageSize=200')).json() as { items: { id: number; name: string }[]; total: number };
    const res = await client.request('/api/exports/structures?departement=69');
    const csv = await res.text();
    const rows = fromCsv(csv, columnsOf(csv));
    expect(rows).toHaveLength(list.total);
    expect(rows.map((r) => [r.id, r.nom])).toEqual(list.items.map((s) => [s.id, s.name]));
    const x = await client.request('/api/exports/structures?departement=69&format=xlsx');
    expect((await fromXlsx(Buffer.from(await x.arrayBuffer()), columnsOf(csv))).map((r) => r.id)).toEqual(list.items.map((s) => s.id));
  });
});

describe('private exports', () => {
  it('the position export follows the position’s own permissions and carries its group cells', async () => {
    expect((await client.request(`/api/exports/structures/${centreId}/position?year=${year}`)).status).toBe(401);
    const director = await client.loginAs(DEMO.director);
    const p = await (await client.request(`/api/structures/${centreId}/position?year=${year}`, { headers: director })).json() as { indicators: { code: string; group: Record<string, Cell> }[] };
    const res = await client.request(`/api/exports/structures/${centreId}/position?year=${year}&format=csv`, { headers: director });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const rows = fromCsv(csv, columnsOf(csv));
    const expected = p.indicators.flatMap((i) => Object.entries(i.group).map(([stat, cell]) => [i.code, statLabels[stat as keyof typeof statLabels], ...Object.values(asExported(stat, cell))]));
    expect(rows.map((r) => [r.indicateur_code, r.statistique, r.valeur, r.effectif, r.statut])).toEqual(expected);
  });

  it('the follow-up list is for those who follow the territory', async () => {
    const caf = await client.loginAs(DEMO.caf69);
    const res = await client.request(`/api/exports/campaigns/${year + 1}/responses?level=departement&code=69&format=xlsx`, { headers: caf });
    expect(res.status).toBe(200);
    const director = await client.loginAs(DEMO.director);
    expect((await client.request(`/api/exports/campaigns/${year + 1}/responses?level=departement&code=69`, { headers: director })).status).toBe(403);
  });
});
