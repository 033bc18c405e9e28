import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(() => database?.close());

describe('GET /api/stats/cash/structures (issue 14)', () => {
  it('names the Rhône structures in difficulty, with their reasons, to its correspondent; not to another département’s', async () => {
    const caf = await client.loginAs(DEMO.caf69);
    const year = (await database.db.selectFrom('campaigns').select('year').where('state', '=', 'closed').orderBy('year', 'desc').executeTakeFirstOrThrow()).year;
    const res = await client.request(`/api/stats/cash/structures?year=${year}&level=departement&code=69`, { headers: caf });
    expect(res.status).toBe(200);
    const body = await res.json() as { validated: number; difficulty: number; items: { structureId: number; departementCode: string; state: string; reasons: { level: string; text: string }[] }[] };
    const n = (await sql<{ n: number }>`select count(*)::int as n from responses r join campaigns k on k.id = r.campaign_id join structures s on s.id = r.structure_id
      where k.year = ${year} and s.departement_code = '69' and r.state in ('validated', 'locked')`.execute(database.db)).rows[0].n;
    expect(body.validated).toBe(Number(n));
    expect(body.items.length).toBeGreaterThan(0);
    for (const i of body.items) {
      expect(i.departementCode).toBe('69');
      expect(['difficulty', 'watch']).toContain(i.state);
      expect(i.reasons.length).toBeGreaterThan(0);
    }
    expect(body.difficulty).toBe(body.items.filter((i) => i.state === 'difficulty').length);
    // Difficulty first.
    const states = body.items.map((i) => i.state);
    expect(states).toEqual([...states].sort((a, b) => (a === b ? 0 : a === 'difficulty' ? -1 : 1)));
    expect((await client.request(`/api/stats/cash/structures?year=${year}&level=departement&code=13`, { headers: caf })).status).toBe(403);
    expect((await client.request(`/api/stats/cash/structures?year=${year}&level=departement&code=69`)).status).toBe(401);
  });
});
