import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { readAnswerTable } from '../app/files/answerTableFile';
import ExcelJS from 'exceljs';
import { exampleMapping } from '../domain/external/example';
import { externalCommand } from './externalCommand';

let database: Database$;
let dir: string;
let lines: string[];
const run = (args: string[]) => {
  lines = [];
  return externalCommand(args, async () => ({ ...database, close: async () => {} }), (l) => lines.push(l));
};

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'senacs-x-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('senacs external', () => {
  it('writes the example, imports it (dry run, then for real, then unchanged) and exports the report', async () => {
    const file = join(dir, 'elisfa.csv');
    expect(await run(['example', '--year', '2024', '--out', file])).toBe(0);
    expect((await readFile(file, 'utf8')).split('\n')[0]).toContain('SIRET;Raison sociale');
    const mapping = join(dir, 'colonnes.json');
    await writeFile(mapping, JSON.stringify(exampleMapping));
    expect(await run(['import', file, '--dataset', 'elisfa', '--year', '2024', '--mapping', mapping, '--dry-run'])).toBe(0);
    expect(lines.at(-1)).toMatch(/rien n’a été enregistré/);
    expect(await run(['import', file, '--dataset', 'elisfa', '--year', '2024', '--mapping', mapping, '--accept-proposals'])).toBe(0);
    expect(lines.at(-1)).toMatch(/Importé/);
    expect(await run(['import', file, '--dataset', 'elisfa', '--year', '2024', '--mapping', mapping])).toBe(0);
    expect(lines.at(-1)).toMatch(/rien n’a changé/);
    const out = join(dir, 'rapport.xlsx');
    expect(await run(['report', '--dataset', 'elisfa', '--year', '2024', '--out', out])).toBe(0);
    expect(lines.join('\n')).toMatch(/rh\.etp\.total .* Pearson 0\.\d+/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile(out) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Corrélations', 'Totaux par territoire', 'Écarts par structure', 'Non rapprochés']);
    const csv = join(dir, 'rapport.csv');
    expect(await run(['report', '--dataset', 'elisfa', '--year', '2024', '--out', csv])).toBe(0);
    const table = await readAnswerTable(new Uint8Array(await readFile(csv)));
    expect(table.columns[0]).toBe('section');
    expect(table.rows.some((r) => r.cells[0] === 'Totaux par territoire' && r.cells.includes('France'))).toBe(true);
  });

  it('refuses a bad file with exit code 1 and says why, line by line', async () => {
    const file = join(dir, 'mauvais.csv');
    await writeFile(file, 'SIRET;ETP\n12345678901234;1\n12345678901234;2\n1;3\n2;4\n3;douze\n');
    expect(await run(['import', file, '--dataset', 'caf', '--year', '2024'])).toBe(1);
    expect(lines.join('\n')).toMatch(/ligne 6, colonne ETP \(B6\) : Nombre mal formé/);
    expect(lines.at(-1)).toMatch(/rien n’a été enregistré/);
    await expect(run(['import', file, '--year', '2024'])).rejects.toMatchObject({ code: 'bad_request' });
  });
});
