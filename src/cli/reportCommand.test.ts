import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database$ } from '../db/connection';
import { openTestDatabase } from '../testing/testDb';
import { reportCommand } from './reportCommand';

let database: Database$;
let dir: string;
let lines: string[];
const run = (args: string[]) => {
  lines = [];
  return reportCommand(args, async () => ({ ...database, close: async () => {} }), (l) => lines.push(l));
};

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'senacs-report-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('senacs report', () => {
  it('writes one plaquette', async () => {
    const file = join(dir, 'rhone', 'f.pdf');
    expect(await run(['--level', 'departement', '--code', '69', '--year', '2024', '--out', file])).toBe(0);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(lines.join('\n')).toMatch(/Plaquette Rhône \(2024\) écrite dans .*f\.pdf/);
  });

  it('writes every plaquette with --all: the nation, each région, each département', async () => {
    const out = join(dir, 'toutes');
    expect(await run(['--all', '--year', '2024', '--out', out])).toBe(0);
    const files = await readdir(out);
    const [regions, departements] = await Promise.all([
      database.db.selectFrom('regions').select('code').execute(), database.db.selectFrom('departements').select('code').execute(),
    ]);
    expect(files.length).toBe(1 + regions.length + departements.length);
    expect(files).toContain('plaquette-2024-france.pdf');
    expect(files).toContain('plaquette-2024-region-84.pdf');
    expect(files).toContain('plaquette-2024-departement-2A.pdf');
    expect(lines.join('\n')).toMatch(/\d+ plaquettes écrites/);
  }, 600_000);

  it('answers bad usage in French', async () => {
    await expect(run(['--level', 'canton', '--year', '2024', '--out', 'x.pdf'])).rejects.toThrow(/Niveau attendu/);
    await expect(run(['--level', 'departement', '--year', '2024', '--out', 'x.pdf'])).rejects.toThrow(/Précisez --code/);
    await expect(run(['--all', '--code', '69', '--year', '2024', '--out', dir])).rejects.toThrow(/ne donnez ni/);
    await expect(run(['--level', 'nation'])).rejects.toThrow(/Usage/);
    await expect(run(['--level', 'departement', '--code', '00', '--year', '2024', '--out', join(dir, 'x.pdf')])).rejects.toThrow(/introuvable/);
  });
});
