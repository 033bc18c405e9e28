import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
let national: Record<string, string>;
let caf69: Record<string, string>;
let year: number;
beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  national = await client.loginAs(DEMO.national);
  caf69 = await client.loginAs(DEMO.caf69);
  year = (await database.db.selectFrom('campaigns').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow()).y;
});
afterAll(() => database?.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await client.request(path, { headers });
  return { status: res.status, body: await res.json() };
};

/** Structures of a territory by response state for one campaign, straight from SQL. */
async function statesBySql(y: number, where: ReturnType<typeof sql>) {
  const r = await sql<{ state: string; n: number }>`
    select coalesce(r.state, 'not_started') as state, count(*)::int as n
    from structures s left join responses r on r.structure_id = s.id and r.campaign_id = (select id from campaigns where year = ${y})
    where ${where} group by 1`.execute(database.db);
  return Object.fromEntries(r.rows.map((x) => [x.state, Number(x.n)]));
}

describe('GET /api/campaigns', () => {
  it('lists every campaign, newest first, to anyone', async () => {
    const { status, body } = await get('/api/campaigns');
    expect(status).toBe(200);
    const rows = await database.db.selectFrom('campaigns').select(['year', 'state']).orderBy('year', 'desc').execute();
    expect(body.total).toBe(rows.length);
    expect(body.items.map((c: { year: number; state: string }) => ({ year: c.year, state: c.state }))).toEqual(rows);
    expect(body.items[0].year).toBe(year);
  });
});

describe('GET /api/campaigns/:year/progress', () => {
  it('counts every structure of the nation once, by state', async () => {
    const { status, body } = await get(`/api/campaigns/${year}/progress`, national);
    expect(status).toBe(200);
    expect(body.campaign.year).toBe(year);
    expect(body.territory).toEqual({ level: 'nation' });
    expect(body.byState).toEqual(await statesBySql(year, sql`true`));
    const n = (await sql<{ n: number }>`select count(*)::int as n from structures`.execute(database.db)).rows[0].n;
    expect(body.expected).toBe(Number(n));
  });

  it('counts a region and a département, for each campaign', async () => {
    const years = (await database.db.selectFrom('campaigns').select('year').execute()).map((c) => c.year);
    expect(years.length).toBeGreaterThan(1);
    for (const y of years) {
      expect((await get(`/api/campaigns/${y}/progress?level=region&code=93`, national)).body.byState, `${y} region 93`).toEqual(await statesBySql(y, sql`s.region_code = '93'`));
      expect((await get(`/api/campaigns/${y}/progress?level=departement&code=69`, caf69)).body.byState, `${y} 69`).toEqual(await statesBySql(y, sql`s.departement_code = '69'`));
    }
  });

  it('answers 404 for a campaign that does not exist', async () => {
    for (const y of ['1999', '20', 'abcd', '20255']) {
      const { status, body } = await get(`/api/campaigns/${y}/progress`, national);
      expect(status, y).toBe(404);
      expect(body.error.message).toMatch(/introuvable/i);
    }
  });
});

describe('GET /api/campaigns/:year/responses', () => {
  it('lists the structures of a département with their state, the total matching SQL', async () => {
    const { body } = await get(`/api/campaigns/${year}/responses?level=departement&code=69&pageSize=200`, caf69);
    const states = await statesBySql(year, sql`s.departement_code = '69'`);
    expect(body.total).toBe(Object.values(states).reduce((a, b) => a + b, 0));
    const counted: Record<string, number> = {};
    for (const i of body.items) { expect(i.departementCode).toBe('69'); counted[i.state] = (counted[i.state] ?? 0) + 1; }
    expect(counted).toEqual(states);
  });

  it('filters by state, not_started included', async () => {
    const states = await statesBySql(year, sql`true`);
    for (const state of ['not_started', 'in_progress', 'submitted', 'validated', 'locked']) {
      const { status, body } = await get(`/api/campaigns/${year}/responses?state=${state}&pageSize=200`, national);
      expect(status, state).toBe(200);
      expect(body.total, state).toBe(states[state] ?? 0);
      for (const i of body.items) expect(i.state).toBe(state);
    }
    expect(Object.keys(states).length).toBeGreaterThan(1);
  });

  it('pages through a territory without repeats, even among structures with the same name', async () => {
    // Homonyms make an order by name alone ambiguous: pages could then repeat or skip structures.
    const lyon = await database.db.selectFrom('structures').select('id').where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow();
    for (let i = 0; i < 12; i++) {
      await sql`insert into structures (kind, name, commune_code, departement_code, region_code, management, territory_type, qpv_codes)
        select kind, 'Centre social Homonyme', commune_code, departement_code, region_code, management, territory_type, qpv_codes from structures where id = ${lyon.id}`.execute(database.db);
    }
    const all = (await get(`/api/campaigns/${year}/responses?level=region&code=84&pageSize=200`, national)).body;
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 5); page++) {
      const p = (await get(`/api/campaigns/${year}/responses?level=region&code=84&pageSize=5&page=${page}`, national)).body;
      expect(p.total).toBe(all.total);
      seen.push(...p.items.map((i: { structureId: number }) => i.structureId));
    }
    expect(seen).toHaveLength(all.total);
    expect(new Set(seen).size).toBe(all.total);
  });

  it('gives each row its quality score and open queries, filters and sorts by them (checked against SQL)', async () => {
    const base = `/api/campaigns/${year}/responses?level=departement&code=69&pageSize=200`;
    const rows = await sql<{ structure_id: number; score: number | null; open: number }>`
      select s.id as structure_id, r.quality_score as score,
        (select count(*)::int from queries q where q.response_id = r.id and q.state <> 'closed') as open
      from structures s left join responses r on r.structure_id = s.id and r.campaign_id = (select id from campaigns where year = ${year})
      where s.departement_code = '69'`.execute(database.db);
    const bySql = new Map(rows.rows.map((r) => [r.structure_id, r]));
    // One open query on a scored response, so the filter has something to find.
    const target = rows.rows.find((r) => r.score !== null)!;
    const resp = await sql<{ id: number }>`select id from responses where structure_id = ${target.structure_id} and campaign_id = (select id from campaigns where year = ${year})`.execute(database.db);
    const admin = await database.db.selectFrom('users').select('id').where('email', '=', DEMO.national).executeTakeFirstOrThrow();
    await database.db.insertInto('queries').values({ response_id: resp.rows[0].id, code: 'participation.benevoles', opened_by: admin.id }).execute();
    bySql.get(target.structure_id)!.open += 1;

    const all = (await get(base, caf69)).body;
    for (const i of all.items) {
      expect(i.qualityScore, String(i.structureId)).toBe(bySql.get(i.structureId)!.score);
      expect(i.openQueries, String(i.structureId)).toBe(bySql.get(i.structureId)!.open);
    }
    const withQ = (await get(`${base}&openQueries=with`, caf69)).body;
    expect(withQ.total).toBe(rows.rows.filter((r) => r.open > 0).length);
    expect(withQ.items.map((i: { structureId: number }) => i.structureId)).toContain(target.structure_id);
    const withoutQ = (await get(`${base}&openQueries=without`, caf69)).body;
    expect(withoutQ.total + withQ.total).toBe(all.total);
    const low = (await get(`${base}&scoreBelow=60`, caf69)).body;
    expect(low.total).toBe(rows.rows.filter((r) => r.score !== null && r.score < 60).length);
    const byScore = (await get(`${base}&sort=score`, caf69)).body.items.map((i: { qualityScore: number | null }) => i.qualityScore);
    const scored = byScore.filter((x: number | null) => x !== null);
    expect(scored).toEqual([...scored].sort((a: number, b: number) => a - b));
    expect(byScore.slice(scored.length).every((x: number | null) => x === null)).toBe(true);
    const byQueries = (await get(`${base}&sort=queries`, caf69)).body.items;
    expect(byQueries[0].structureId).toBe(target.structure_id);
    expect((await get(`${base}&sort=ranking`, caf69)).status).toBe(400);
  });

  it('refuses a bad state or page in French', async () => {
    for (const qs of ['state=done', 'page=0', 'pageSize=201', 'level=departement&code=6']) {
      const { status, body } = await get(`/api/campaigns/${year}/responses?${qs}`, national);
      expect(status, qs).toBe(400);
      expect(body.error.message).toMatch(/invalide|petit|grand|attendu/i);
    }
  });
});
