import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { testClient } from '../../testing/http';
import { nationalTable } from '../../app/getDashboard';
import { getPopulation } from '../../app/populationCache';
import { buildOpenData, dataPackage, type OpenDataFile } from './build';
import { fitsField } from './schema';

let database: Database$;
let year: number;
let files: OpenDataFile[];

beforeAll(async () => {
  database = await openTestDatabase();
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y - 1;
  files = await buildOpenData({ db: database.db, year });
});
afterAll(() => database?.close());

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, delimiter: ',', skipEmptyLines: true });

describe('open data of a campaign', () => {
  it('has the aggregates at three levels and the directory', () => {
    expect(files.map((f) => f.name)).toEqual([`agregats-france-${year}`, `agregats-regions-${year}`, `agregats-departements-${year}`, `annuaire-${year}`]);
    for (const f of files) expect(f.rows).toBeGreaterThan(0);
  });

  it('every column of every file is described (name, type, French title and description), in the file’s order', () => {
    for (const f of files) {
      const parsed = parse(f.csv);
      expect(parsed.errors, f.name).toEqual([]);
      expect(parsed.meta.fields, f.name).toEqual(f.schema.fields.map((x) => x.name));
      expect(f.schema.missingValues).toEqual(['']);
      for (const field of f.schema.fields) {
        expect(['string', 'integer', 'number', 'boolean', 'date'], `${f.name}.${field.name}`).toContain(field.type);
        expect(field.title.length, `${f.name}.${field.name}`).toBeGreaterThan(1);
        expect(field.description, `${f.name}.${field.name}`).toMatch(/[a-zéèàù]{3,}/);
      }
      expect(f.schema.primaryKey?.every((k) => f.schema.fields.some((x) => x.name === k))).toBe(true);
    }
  });

  it('every value fits its column’s type and constraints; primary keys are unique', () => {
    for (const f of files) {
      const rows = parse(f.csv).data;
      const wrong: string[] = [];
      for (const [i, r] of rows.entries()) for (const field of f.schema.fields) {
        const problem = fitsField(r[field.name] ?? '', field);
        if (problem) wrong.push(`${f.name} ligne ${i + 2} ${field.name} : ${problem}`);
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      const keys = rows.map((r) => f.schema.primaryKey!.map((k) => r[k]).join('|'));
      expect(new Set(keys).size, f.name).toBe(keys.length);
    }
  });

  it('the aggregates are the gate’s published cells: the same values, suppressed ones empty with « secret (règle) »', async () => {
    const figures = nationalTable(await getPopulation({ db: database.db, year, mode: 'published' }));
    const dep = parse(files[2].csv).data;
    const deps = figures.filter((f) => f.territory.level === 'departement');
    expect(dep).toHaveLength(deps.length);
    let suppressed = 0;
    deps.forEach((f, i) => {
      const r = dep[i];
      expect([r.territoire_code, r.indicateur_code]).toEqual([f.territory.code, f.indicator]);
      if (f.cell.state === 'value') {
        expect(Number(r.valeur)).toBe(f.cell.value);
        expect(Number(r.effectif)).toBe(f.cell.n);
        expect(r.statut).toBe('publié');
      } else {
        expect(r.valeur).toBe('');
        expect(r.effectif).toBe('');
        if (f.cell.state === 'no_data') expect(r.statut).toBe('sans données');
        else expect(r.statut).toMatch(/^secret \(/);
        if (f.cell.state === 'suppressed') suppressed++;
      }
    });
    expect(suppressed).toBeGreaterThan(0);
  });

  it('the datapackage lists every file with its schema, and the API serves the same files', async () => {
    const dp = dataPackage(year, files);
    expect(dp.resources.map((r) => r.path)).toEqual(files.map((f) => `${f.name}.csv`));
    expect(dp.licenses[0].name).toBe('etalab-2.0');
    const client = testClient(database);
    const list = await (await client.request(`/api/opendata/${year}`)).json() as { items: { csv: string; schema: string }[] };
    expect(list.items).toHaveLength(files.length);
    const csv = await (await client.request(list.items[3].csv)).text();
    expect(csv).toBe(files[3].csv);
    expect(await (await client.request(list.items[0].schema)).json()).toEqual(files[0].schema);
    expect((await client.request(`/api/opendata/${year}/files/datapackage.json`)).status).toBe(200);
    expect((await client.request('/api/opendata/1999')).status).toBe(404);
  });
});
