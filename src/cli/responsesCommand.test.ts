import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { DEMO } from '../testing/http';
import { responsesCommand } from './responsesCommand';

let database: Database$;
let dir: string;
let lines: string[];
const run = (args: string[]) => {
  lines = [];
  return responsesCommand(args, async () => ({ ...database, close: async () => {} }), (l) => lines.push(l));
};
const grid = async (file: string) => Papa.parse<string[]>((await readFile(file, 'utf8')).replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'senacs-r-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('senacs responses export / import', () => {
  it('exports only what the --as account may see', async () => {
    const all = join(dir, 'all.csv');
    const rhone = join(dir, 'rhone.csv');
    expect(await run(['export', '--year', '2024', '--out', all])).toBe(0);
    expect(await run(['export', '--year', '2024', '--out', rhone, '--as', DEMO.caf69])).toBe(0);
    const [everything, mine] = [await grid(all), await grid(rhone)];
    expect(mine.length).toBeLessThan(everything.length);
    const places = await database.db.selectFrom('structures').select('departement_code').where('siret', 'in', mine.slice(1).map((r) => r[0])).execute();
    expect(places.every((p) => p.departement_code === '69')).toBe(true);
  });

  it('prints each problem with its row and column and stores nothing; a dry run of a good file stores nothing either', async () => {
    const file = join(dir, 'rhone.csv');
    const rows = await grid(file);
    rows[2][rows[0].indexOf('rh.etp.animation')] = 'deux';
    await writeFile(join(dir, 'bad.csv'), Papa.unparse(rows));
    const before = await database.db.selectFrom('answer_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(await run(['import', join(dir, 'bad.csv'), '--year', '2024', '--as', DEMO.caf69])).toBe(1);
    expect(lines.join('\n')).toMatch(/ligne 3, colonne rh\.etp\.animation \([A-Z]+3\) : .*un nombre est attendu/);
    expect(lines.at(-1)).toMatch(/rien n’a été enregistré/);
    expect(await run(['import', file, '--year', '2024', '--dry-run'])).toBe(0);
    expect(lines.at(-1)).toMatch(/Vérification seulement/);
    expect(await database.db.selectFrom('answer_revisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('refuses unknown accounts, extensions and years in French', async () => {
    await expect(run(['export', '--year', '2024', '--out', join(dir, 'x.csv'), '--as', 'personne@nulle.part'])).rejects.toMatchObject({ code: 'not_found' });
    await expect(run(['export', '--year', '2024', '--out', join(dir, 'x.ods')])).rejects.toMatchObject({ code: 'bad_request' });
    await expect(run(['import', join(dir, 'all.csv'), '--year', '1999'])).rejects.toMatchObject({ code: 'not_found' });
  });
});
