import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '../testing/testDb';
import { opendataCommand } from './opendataCommand';

const dir = mkdtempSync(join(tmpdir(), 'senacs-opendata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('senacs opendata', () => {
  it('writes every CSV, its schema and datapackage.json', async () => {
    const database = await openTestDatabase();
    const year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y - 1;
    expect(await opendataCommand(['--year', String(year), '--out', dir], async () => database)).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toContain('datapackage.json');
    const dp = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: { path: string; schema: string }[] };
    expect(dp.resources).toHaveLength(5);
    for (const r of dp.resources) {
      expect(files).toContain(r.path);
      expect(files).toContain(r.schema);
      const header = readFileSync(join(dir, r.path), 'utf8').split('\r\n')[0].split(',');
      expect(header).toEqual((JSON.parse(readFileSync(join(dir, r.schema), 'utf8')) as { fields: { name: string }[] }).fields.map((f) => f.name));
    }
  });

  it('answers a French usage line for bad arguments', async () => {
    await expect(opendataCommand(['--year', 'deux'], async () => { throw new Error('not opened'); })).rejects.toThrow(/Usage : senacs opendata/);
  });
});
