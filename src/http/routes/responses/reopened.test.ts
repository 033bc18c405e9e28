import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the reason of a reopening reaches the structure (issue 14)', () => {
  it('GET /api/responses/:id carries the latest reopening while the response is being corrected, and not before', async () => {
    const caf = await client.loginAs(DEMO.caf69);
    const target = await database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
      .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').select('responses.id')
      .where('structures.departement_code', '=', '69').where('responses.state', '=', 'submitted').where('campaigns.state', '=', 'open')
      .executeTakeFirstOrThrow();
    const before = await (await client.request(`/api/responses/${target.id}`, { headers: caf })).json();
    expect(before.reopened).toBeUndefined();
    const res = await client.request(`/api/responses/${target.id}/reopen`, { method: 'POST', headers: { ...caf, 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'Les bénévoles semblent comptés deux fois.' }) });
    expect(res.status).toBe(200);
    const after = await (await client.request(`/api/responses/${target.id}`, { headers: caf })).json();
    expect(after.response.state).not.toBe('submitted');
    expect(after.reopened).toMatchObject({ reason: 'Les bénévoles semblent comptés deux fois.' });
    expect(typeof after.reopened.by).toBe('string');
  });
});
