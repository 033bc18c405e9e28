import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { actorByEmail } from '../accounts/actorByEmail';
import { DEMO } from '../../testing/http';
import { externalExample } from './externalExample';
import { externalReport } from './externalReport';
import { responseFindings } from '../../db/quality.repo';
import { changedStructures, importExternal } from './importExternal';
import { recomputeQuality } from '../quality/recomputeQuality';
import { checkResponse } from '../responses/checkResponse';
import { getResponseContext } from '../../db/response.repo';

let database: Database$;
let example: Uint8Array;
const YEAR = 2024;

beforeAll(async () => {
  database = await openTestDatabase();
  example = await externalExample({ db: database.db, year: YEAR });
});
afterAll(() => database.close());

async function snapshot() {
  const db = database.db;
  return {
    datasets: await db.selectFrom('external_datasets').select(['id', 'name', 'year', 'file_hash', 'updated_at']).orderBy('id').execute(),
    rows: await db.selectFrom('external_rows').select(['id', 'line', 'structure_id', 'match_method', 'values']).orderBy('id').execute(),
    imports: await db.selectFrom('external_imports').select(['id', 'file_hash']).orderBy('id').execute(),
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
const lines = () => text(example).trimEnd().split('\r\n');

/** Windows-1252 bytes of a text (what Excel's « CSV (séparateur point-virgule) » writes). */
function windows1252(s: string): Uint8Array {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Uint8Array.from([...s.replace(/\u202f/g, '\u00a0')].map((c) => {
    const i = high.indexOf(c);
    if (i >= 0) return 0x80 + i;
    if (c.charCodeAt(0) > 255) throw new Error(`not in windows-1252: ${c}`);
    return c.charCodeAt(0);
  }));
}

describe('external import', () => {
  it('generates the ELISFA-shaped example from the demo campaign, deterministically', async () => {
    expect(lines()[0]).toBe('SIRET;Raison sociale;Commune;Année;Effectif salarié;ETP;CDI;CDD;Contrats aidés;Convention collective');
    expect(lines().length).toBeGreaterThan(20);
    expect(text(await externalExample({ db: database.db, year: YEAR }))).toBe(text(example));
  });

  it('dry run: reads, maps and matches without storing', async () => {
    const before = await snapshot();
    const r = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: example, dryRun: true });
    expect(r.problems).toEqual([]);
    expect(r.encoding).toBe('utf-8');
    expect(r.counts.rows).toBe(lines().length - 1);
    expect(r.counts.siret).toBeGreaterThan(r.counts.rows * 0.8);
    expect(r.stored).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  it('imports the example, then re-importing the same file changes nothing', async () => {
    const r = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: example, fileName: 'elisfa.csv', source: 'ELISFA (exemple)', licence: 'Licence Ouverte 2.0' });
    expect(r).toMatchObject({ stored: true, unchanged: false, problems: [] });
    const after = await snapshot();
    expect(after.datasets).toHaveLength(1);
    expect(after.rows).toHaveLength(r.counts.rows);
    expect(after.imports).toHaveLength(1);
    const again = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: example });
    expect(again).toMatchObject({ stored: false, unchanged: true });
    expect(await snapshot()).toEqual(after);
  });

  it('reads the same file saved in Windows-1252, and refuses a garbled one', async () => {
    const latin = windows1252(text(example));
    const r = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: latin, dryRun: true });
    expect(r.encoding).toBe('windows-1252');
    expect(r.problems).toEqual([]);
    const garbled = new TextEncoder().encode(new TextDecoder('latin1').decode(new TextEncoder().encode(text(example))));
    const bad = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: garbled });
    expect(bad.stored).toBe(false);
    expect(bad.problems[0]).toMatchObject({ kind: 'encoding', line: 1 });
  });

  it('reads the example as an XLSX workbook too', async () => {
    const xlsx = await externalExample({ db: database.db, year: YEAR, format: 'xlsx' });
    const r = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: xlsx, dryRun: true });
    expect(r).toMatchObject({ format: 'xlsx', problems: [] });
    expect(r.counts.rows).toBe(lines().length - 1);
  });

  it('a bad file is reported line by line and NOTHING of it is kept', async () => {
    const before = await snapshot();
    const [header, ...body] = lines();
    const cells = body.map((l) => l.split(';'));
    cells[1][5] = 'douze';                       // line 3: malformed FTE
    cells[3][0] = cells[2][0]; cells[3][1] = cells[2][1]; // line 5: same SIRET as line 4
    cells[4] = ['', 'Maison des Lilas imaginaires', 'Brest', String(YEAR), '3', '2', '2', '1', '0', ''];  // line 6: unknown structure
    const file = new TextEncoder().encode([header, ...cells.map((c) => c.join(';'))].join('\n'));
    const r = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: file });
    expect(r.stored).toBe(false);
    expect(r.problems.map((p) => [p.line, p.cell, p.kind])).toEqual(expect.arrayContaining([[3, 'F3', 'malformed_number'], [5, 'A5', 'duplicate'], [6, 'B6', 'unknown_structure']]));
    expect(r.problems.every((p) => p.message.length > 10)).toBe(true);
    const missing = await importExternal({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR, bytes: new TextEncoder().encode('SIRET;ETP\n1;2\n'),
      mapping: { columns: [{ column: 'SIRET', role: 'siret' }, { column: 'Effectif', role: 'number', field: 'effectif' }] } });
    expect(missing.problems[0]).toMatchObject({ line: 1, kind: 'missing_column', column: 'Effectif' });
    expect(await snapshot()).toEqual(before);
  });

  it('is refused to anyone but national administrators', async () => {
    const actor = await actorByEmail(database.db, DEMO.caf69);
    await expect(importExternal({ db: database.db, actor, dataset: 'elisfa', year: YEAR, bytes: example, dryRun: true })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('concordance report', () => {
  it('compares every mapped indicator, with territory totals through the gate', async () => {
    const r = await externalReport({ db: database.db, actor: null, dataset: 'elisfa', year: YEAR });
    expect(r.indicators.map((i) => i.indicator)).toEqual(['rh.effectif.total', 'rh.etp.total', 'rh.contrat.cdi', 'rh.contrat.cdd', 'rh.contrat.aides']);
    const etp = r.indicators.find((i) => i.indicator === 'rh.etp.total')!;
    expect(etp.pairs).toBeGreaterThan(10);
    expect(etp.pearson).toBeGreaterThan(0.8);
    expect(r.aggregates.find((a) => a.indicator === 'rh.etp.total' && a.territory.level === 'nation')!.external.state).toBe('value');
    expect(r.unmatched.observatory.length).toBeGreaterThan(0);
  });

  it('shows structure-level lines only inside the reader’s territory', async () => {
    const caf69 = await actorByEmail(database.db, DEMO.caf69);
    const r = await externalReport({ db: database.db, actor: caf69, dataset: 'elisfa', year: YEAR, tolerance: { absolute: 0, relative: 0 } });
    expect(r.scope).toBe('territory');
    expect(r.differences.length).toBeGreaterThan(0);
    expect(r.differences.every((d) => d.departementCode === '69')).toBe(true);
    expect(r.unmatched.observatory.every((u) => u.departementCode === '69')).toBe(true);
    expect(r.unmatched.external).toEqual([]);
    expect(r.hiddenStructures).toBeGreaterThan(0);
    const director = await actorByEmail(database.db, DEMO.director);
    await expect(externalReport({ db: database.db, actor: director, dataset: 'elisfa', year: YEAR })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('rules read imported values with ext()', () => {
  it('fires rh.etp_elisfa when the branch’s FTE is far from the answer, and not when it agrees', async () => {
    const db = database.db;
    const row = await db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').innerJoin('structures', 'structures.id', 'responses.structure_id')
      .innerJoin('answers', 'answers.response_id', 'responses.id')
      .select(['responses.id', 'structures.siret', 'answers.value']).where('campaigns.year', '=', YEAR).where('answers.code', '=', 'rh.etp.animation')
      .where('structures.siret', 'is not', null).orderBy('responses.id').executeTakeFirstOrThrow();
    const answers = await db.selectFrom('answers').select(['code', 'value']).where('response_id', '=', row.id).where('code', 'like', 'rh.etp.%').execute();
    const etp = answers.reduce((s, a) => s + (typeof a.value === 'number' ? a.value : 0), 0);
    const file = (v: number) => new TextEncoder().encode(`SIRET;ETP\n${row.siret};${String(v).replace('.', ',')}\n`);
    const rule = async () => (await recomputeQuality(db, row.id))!.findings.some((f) => f.rule === 'rh.etp_elisfa');
    const validation = async () => (await checkResponse(db, (await getResponseContext(db, row.id))!, { partial: true })).infos.some((f) => f.rule === 'rh.etp_elisfa');
    const stored = async () => (await responseFindings(db, row.id)).some((f) => f.rule === 'rh.etp_elisfa');
    expect(await stored()).toBe(false);
    const far = await importExternal({ db, actor: null, dataset: 'elisfa', year: YEAR, bytes: file(Math.round(etp * 3 * 10) / 10 + 5) });
    // The import re-checked the campaign: the stored finding is there before anyone edits the response.
    expect(far.rechecked).toBeGreaterThan(0);
    expect(await stored()).toBe(true);
    expect(await rule()).toBe(true);
    expect(await validation()).toBe(true);
    // The same values again under a data set no rule reads: nothing to re-check.
    expect((await importExternal({ db, actor: null, dataset: 'caf', year: YEAR, bytes: file(etp) })).rechecked).toBe(0);
    const near = await importExternal({ db, actor: null, dataset: 'elisfa', year: YEAR, bytes: file(etp) });
    expect(near.rechecked).toBe(1); // only the structure whose value changed
    expect(await stored()).toBe(false);
    expect(await rule()).toBe(false);
    expect(await validation()).toBe(false);
  });
});

describe('which structures an import re-checks', () => {
  it('those whose trusted values were gained, lost or changed, never those of a proposal', () => {
    const row = (structureId: number | null, method: 'siret' | 'name' | 'proposal' | 'confirmed' | 'rejected', values: Record<string, number | string | null>) => ({ structureId, method, values });
    const before = [row(1, 'siret', { etp: 2, cdi: 1 }), row(2, 'siret', { etp: 3 }), row(3, 'name', { etp: 1 }), row(4, 'proposal', { etp: 9 }), row(5, 'siret', { etp: 5 })];
    const after = [row(1, 'siret', { cdi: 1, etp: 2 }), row(2, 'siret', { etp: 4 }), row(4, 'proposal', { etp: 10 }), row(5, 'rejected', { etp: 5 }), row(6, 'confirmed', { etp: 1 }), row(null, 'siret', { etp: 1 })];
    expect(changedStructures(before, after)).toEqual([2, 3, 5, 6]);
    expect(changedStructures(after, after)).toEqual([]);
  });
});
