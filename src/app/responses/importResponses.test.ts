import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { readAnswerTable } from '../files/answerTableFile';
import { withLuhnDigit } from '../../domain/siret';
import { exportResponses } from './exportResponses';
import { importResponses } from './importResponses';

let database: Database$;
let campaignId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  campaignId = (await database.db.selectFrom('campaigns').select('id').where('year', '=', 2024).executeTakeFirstOrThrow()).id;
});
afterAll(() => database.close());

/** Every stored answer of the 2024 campaign, as "structure|code" → JSON value. */
async function snapshot(codes?: Set<string>) {
  const rows = await database.db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id')
    .select(['responses.structure_id', 'answers.code', 'answers.value']).where('responses.campaign_id', '=', campaignId).execute();
  return new Map(rows.filter((r) => !codes || codes.has(r.code)).map((r) => [`${r.structure_id}|${r.code}`, JSON.stringify(r.value)]));
}

/** Deletes the 2024 answers of one département's structures; answers how many. */
async function forget(departement: string) {
  const ids = database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .select('responses.id').where('responses.campaign_id', '=', campaignId).where('structures.departement_code', '=', departement);
  const r = await database.db.deleteFrom('answers').where('response_id', 'in', ids).executeTakeFirst();
  return Number(r.numDeletedRows);
}

const csv = (bytes: Uint8Array) => Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
const toBytes = (grid: string[][]) => new TextEncoder().encode(Papa.unparse(grid));

describe('responses export → import', () => {
  it.each(['csv', 'xlsx'] as const)('gives back the same answers after a round trip through %s', async (format) => {
    const exported = await exportResponses({ db: database.db, actor: null, year: 2024, format });
    expect(exported.rows).toBeGreaterThan(20);
    const codes = new Set((await readAnswerTable(exported.bytes)).columns.slice(2));
    const before = await snapshot(codes);
    expect(await forget(format === 'csv' ? '13' : '69')).toBeGreaterThan(100);
    const report = await importResponses({ db: database.db, actor: null, year: 2024, bytes: exported.bytes });
    expect(report.problems).toEqual([]);
    expect(report.stored).toBe(true);
    expect(report.written).toBeGreaterThan(100);
    expect(await snapshot(codes)).toEqual(before);
    const revisions = await database.db.selectFrom('answer_revisions').select(['kind', 'author_id']).where('kind', '=', 'import').limit(1).execute();
    expect(revisions).toEqual([{ kind: 'import', author_id: null }]);
    const again = await importResponses({ db: database.db, actor: null, year: 2024, bytes: exported.bytes });
    expect(again).toMatchObject({ stored: true, written: 0 });
  });
});

describe('a file with problems', () => {
  let grid: string[][];
  beforeAll(async () => {
    grid = csv((await exportResponses({ db: database.db, actor: null, year: 2024, format: 'csv' })).bytes);
  });

  it('stores nothing when one cell is wrong, and names its row and column', async () => {
    const bad = grid.map((r) => [...r]);
    const column = bad[0].indexOf('participation.benevoles');
    bad[3][column] = 'beaucoup';
    const deleted = await forget('75');
    const before = await snapshot();
    const report = await importResponses({ db: database.db, actor: null, year: 2024, bytes: toBytes(bad) });
    expect(report.stored).toBe(false);
    expect(report.problems).toEqual([{ row: 4, column: 'participation.benevoles', cell: expect.stringMatching(/^[A-Z]+4$/), message: expect.stringMatching(/un nombre est attendu/) }]);
    expect(await snapshot()).toEqual(before);
    expect(deleted).toBeGreaterThan(0);
  });

  it('checks ranges like an autosave, and reports unknown columns on row 1', async () => {
    const bad = grid.map((r) => [...r]);
    bad[2][bad[0].indexOf('rh.temps_partiel_part')] = '140';
    bad[0].push('rh.inconnu');
    const report = await importResponses({ db: database.db, actor: null, year: 2024, bytes: toBytes(bad) });
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([[1, 'rh.inconnu'], [3, 'rh.temps_partiel_part']]);
    expect(report.problems[1].message).toMatch(/entre 0 et 100/);
  });

  it('reports unknown, invalid and repeated SIRETs', async () => {
    const unknown = withLuhnDigit('1234567890123');
    const rows = [grid[0], [unknown, 'Inconnue'], ['12345', 'Mal saisie'], grid[1], grid[1]];
    const report = await importResponses({ db: database.db, actor: null, year: 2024, bytes: toBytes(rows) });
    expect(report.stored).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'siret', cell: 'A2', message: expect.stringContaining(`SIRET ${unknown} inconnu`) }),
      expect.objectContaining({ row: 3, column: 'siret', cell: 'A3', message: expect.stringContaining('SIRET invalide « 12345 »') }),
      expect.objectContaining({ row: 5, column: 'siret', cell: 'A5', message: expect.stringContaining(`SIRET ${grid[1][0]} déjà présent ligne 4`) }),
    ]);
  });

  it('stores nothing on a dry run of a correct file', async () => {
    const before = await snapshot();
    const report = await importResponses({ db: database.db, actor: null, year: 2024, bytes: toBytes(grid), dryRun: true });
    expect(report).toMatchObject({ dryRun: true, stored: false, problems: [] });
    expect(report.answers).toBeGreaterThan(1000);
    expect(await snapshot()).toEqual(before);
  });
});
