import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
let caf: Record<string, string>;
let rhone: number;
let other: number;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  const pick = (dep: string) => database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').select('responses.id')
    .where('structures.departement_code', '=', dep).where('campaigns.year', '=', 2025).where('responses.state', '=', 'submitted')
    .orderBy('responses.id').executeTakeFirstOrThrow();
  [rhone, other] = [(await pick('69')).id, (await pick('13')).id];
  // A payroll above total expenses: a questionnaire error the correspondent must see with its reason.
  const charges = await database.db.selectFrom('answers').select('value').where('response_id', '=', rhone).where('code', '=', 'finances.charges').executeTakeFirstOrThrow();
  await database.db.updateTable('answers').set({ value: JSON.stringify(Number(charges.value) * 2) }).where('response_id', '=', rhone).where('code', '=', 'rh.masse_salariale').execute();
  await database.db.updateTable('responses').set({ quality_at: null, quality_score: null }).where('id', '=', rhone).execute();
  caf = await client.loginAs(DEMO.caf69);
});
afterAll(() => database.close());

describe('GET /api/responses/:id/quality', () => {
  it('gives the score, findings with reasons, the team and the correspondents', async () => {
    const res = await client.request(`/api/responses/${rhone}/quality`, { headers: caf });
    expect(res.status).toBe(200);
    const q = await res.json();
    expect(q.score).toBeLessThan(100);
    expect(q.computedAt).not.toBeNull();
    const payroll = q.findings.find((f: { rule: string }) => f.rule === 'rh.masse_salariale_charges');
    expect(payroll).toMatchObject({ level: 'error', kind: 'consistency' });
    expect(payroll.reason).toMatch(/« Masse salariale .* » ne peut pas dépasser « Total des charges »/);
    expect(q.people.correspondents.map((p: { email: string }) => p.email)).toContain(DEMO.caf69);
    expect(Array.isArray(q.people.structure)).toBe(true);
  });

  it('hides responses outside the territory, needs a session, and answers 404 on a bad id', async () => {
    expect((await client.request(`/api/responses/${other}/quality`, { headers: caf })).status).toBe(404);
    expect((await client.request(`/api/responses/${rhone}/quality`)).status).toBe(401);
    const bad = await client.request('/api/responses/abc/quality', { headers: caf });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.code).toBe('not_found');
  });
});
