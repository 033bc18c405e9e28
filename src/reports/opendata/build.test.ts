import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { testClient } from '../../testing/http';
import { nationalTable } from '../../app/stats/getDashboard';
import { getPopulation } from '../../app/stats/populationCache';
import { buildOpenData } from '../../app/publication/buildOpenData';
import { dataPackage, type OpenDataFile } from './build';
import { publish } from '../../domain/disclosure';
import { openDataListResponse } from '../../http/routes/opendata/schema';
import { checkCsv, checkDataPackage, checkTableSchema } from '../../testing/frictionless';

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
    expect(files.map((f) => f.name)).toEqual([`agregats-france-${year}`, `agregats-regions-${year}`, `agregats-departements-${year}`, `moyennes-par-type-${year}`, `annuaire-${year}`]);
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

  it('every published file validates against its own Table Schema (types, constraints, missing values, primary key)', () => {
    for (const f of files) {
      expect(checkTableSchema(f.schema), f.name).toEqual([]);
      expect(checkCsv(f.csv, f.schema).slice(0, 10), f.name).toEqual([]);
    }
  });

  it('the checker itself finds wrong types, missing required values, values outside the list and duplicate keys', () => {
    const schema = { fields: [{ name: 'id', type: 'integer', constraints: { required: true } }, { name: 'statut', type: 'string', constraints: { enum: ['publié'] } }], missingValues: [''], primaryKey: ['id'] };
    expect(checkCsv('id,statut\n1,publié\n2,\n', schema)).toEqual([]);
    expect(checkCsv('id,statut\nun,publié\n,publié\n3,secret\n3,publié\n', schema)).toEqual([
      'ligne 2, id : « un » n’est pas un entier', 'ligne 3, id : valeur requise manquante', 'ligne 4, statut : « secret » hors de la liste', 'ligne 5 : clé primaire en double',
    ]);
    expect(checkTableSchema({ fields: [{ name: 'a', type: 'text', constraints: { pattern: 'x' } }] })).toEqual(['champ a : type « text » inconnu', 'champ a : contrainte « pattern » invalide pour le type text']);
    expect(checkDataPackage({ name: 'Senacs 2024', resources: [{ name: 'a', path: '../a.csv', profile: 'tabular-data-resource' }] })).toEqual([
      'nom de paquet « Senacs 2024 » invalide', 'ressource « a » : chemin « ../a.csv » invalide', 'ressource « a » : schéma absent (paquet tabulaire)',
    ]);
  });

  it('every share is a percentage from 0 to 100, as the schemas say', () => {
    for (const f of files.filter((x) => x.name.startsWith('agregats') || x.name.startsWith('moyennes'))) {
      expect(f.schema.fields.find((x) => x.name === 'valeur')!.description, f.name).toMatch(/pourcentages de 0 à 100, jamais des fractions/);
      const shares = parse(f.csv).data.filter((r) => r.unite === '%' && r.valeur !== '').map((r) => Number(r.valeur));
      expect(shares.length, f.name).toBeGreaterThan(0);
      expect(shares.every((v) => v >= 0 && v <= 100), f.name).toBe(true);
      expect(shares.some((v) => v > 1), f.name).toBe(true);
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
        expect(Number(r.valeur)).toBe(f.stat === 'share' ? Math.round(f.cell.value * 10_000) / 100 : f.cell.value);
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

  it('publishes the averages of centres sociaux and EVS apart (through the gate’s filtered query on the release) and together (the exact table)', async () => {
    const pop = await getPopulation({ db: database.db, year, mode: 'published' });
    const rows = parse(files[3].csv).data;
    const national = rows.filter((r) => r.niveau === 'France' && r.indicateur_code === 'finances.produits' && r.statistique === 'moyenne');
    expect(national.map((r) => [r.type_structure, r.methode])).toEqual([
      ['Ensemble', 'exacte (tableau publié)'], ['Centre social', 'perturbée (requête filtrée)'], ['Espace de vie sociale', 'perturbée (requête filtrée)'],
    ]);
    const exact = nationalTable(pop).find((f) => f.territory.level === 'nation' && f.indicator === 'finances.produits' && f.stat === 'mean')!;
    expect(exact.cell.state).toBe('value');
    expect(Number(national[0].valeur)).toBe(exact.cell.state === 'value' ? exact.cell.value : NaN);
    const cs = publish(pop.population, { kind: 'flexible_query', indicators: ['finances.produits'], level: 'nation', territories: ['FR'], filters: [{ dimension: 'kind', value: 'CS' }], stats: ['mean'] }).figures[0];
    expect(national[1].valeur).toBe(cs.cell.state === 'value' ? String(cs.cell.value) : '');
    expect(national[1].valeur).not.toBe(national[0].valeur);
    const yesNo = rows.filter((r) => r.niveau === 'France' && r.statistique === 'part (%)' && r.type_structure === 'Centre social');
    expect(yesNo.length).toBeGreaterThan(5);
  });

  it('the datapackage follows the Data Package specification, lists every file with its schema, and the API serves the same files', async () => {
    const dp = dataPackage(year, files);
    expect(checkDataPackage(dp, files.map((f) => `${f.name}.schema.json`))).toEqual([]);
    expect(dp.description).toMatch(/pourcentages de 0 à 100/);
    expect(dp.resources.map((r) => r.path)).toEqual(files.map((f) => `${f.name}.csv`));
    expect(dp.licenses[0].name).toBe('etalab-2.0');
    const client = testClient(database);
    const list = openDataListResponse.parse(await (await client.request(`/api/opendata/${year}`)).json());
    expect(list.items).toHaveLength(files.length);
    const csv = await (await client.request(list.items[4].csv)).text();
    expect(csv).toBe(files[4].csv);
    expect(await (await client.request(list.items[0].schema)).json()).toEqual(files[0].schema);
    expect((await client.request(`/api/opendata/${year}/files/datapackage.json`)).status).toBe(200);
    expect((await client.request('/api/opendata/1999')).status).toBe(404);
  });
});
