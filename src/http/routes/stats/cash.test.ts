import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { cashValues } from '../../../domain/cash/indicators';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let year: number;
const headers: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y - 1;
  for (const k of ['director', 'team', 'caf69', 'regionAra'] as const) headers[k] = await client.loginAs(DEMO[k]);
});
afterAll(() => database?.close());

const answersOf = async (structureId: number, y: number) => {
  const { rows } = await sql<{ code: string; value: unknown }>`select a.code, a.value from answers a join responses r on r.id = a.response_id
    join campaigns k on k.id = r.campaign_id where r.structure_id = ${structureId} and k.year = ${y}`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.code, r.value]));
};

describe('cash of a structure', () => {
  it('the team sees every year it answered, days of cash computed from its own answers, with a signal', async () => {
    const res = await client.request(`/api/structures/${centreId}/cash`, { headers: headers.team });
    expect(res.status).toBe(200);
    const body = await res.json();
    const y = body.years.find((x: { year: number }) => x.year === year);
    const a = await answersOf(centreId, year);
    expect(y.cashDays).toBeCloseTo(Math.round((Number(a['finances.tresorerie']) / Number(a['finances.charges'])) * 3650) / 10, 6);
    expect(['difficulty', 'watch', 'ok', 'unknown']).toContain(y.signal.state);
    expect(y.workingCapital.computable).toBe(false);
    expect(body.thresholds.alertDays).toBe(30);
  });
});

describe('cash of a territory', () => {
  it('is for those who follow it; values equal a plain recomputation where published', async () => {
    expect((await client.request(`/api/stats/cash?year=${year}&level=departement&code=69`, { headers: headers.director })).status).toBe(403);
    expect((await client.request(`/api/stats/cash?year=${year}&level=departement&code=69`)).status).toBe(401);
    const res = await client.request(`/api/stats/cash?year=${year}&level=departement&code=69`, { headers: headers.caf69 });
    expect(res.status).toBe(200);
    const body = await res.json();
    for (const f of body.figures) expect(['value', 'suppressed', 'no_data']).toContain(f.cell.state);
    const { rows } = await sql<{ id: number }>`select s.id from responses r join campaigns k on k.id = r.campaign_id join structures s on s.id = r.structure_id
      where k.year = ${year} and r.state in ('validated', 'locked') and s.departement_code = '69'`.execute(database.db);
    const flags: boolean[] = [];
    for (const r of rows) {
      const v = cashValues(await answersOf(r.id, year))['cash.en_difficulte'];
      if (typeof v === 'boolean') flags.push(v);
    }
    const share = body.figures.find((f: { indicator: string; stat: string }) => f.indicator === 'cash.en_difficulte' && f.stat === 'share');
    expect(share).toBeDefined();
    if (share.cell.state === 'value') {
      expect(share.cell.n).toBe(flags.length);
      expect(share.cell.value).toBeCloseTo(flags.filter(Boolean).length / flags.length, 6);
    }
    expect((await client.request(`/api/stats/cash?year=${year}&level=region&code=84`, { headers: headers.regionAra })).status).toBe(200);
    expect((await client.request(`/api/stats/cash?year=${year}&level=region&code=84`, { headers: headers.caf69 })).status).toBe(403);
  });
});
