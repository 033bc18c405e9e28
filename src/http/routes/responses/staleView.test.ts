import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { forgetResponseContexts } from '../../../db/response.repo';
import type { ResponseState } from '../../../domain/responseState';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';

// Autosave goes ahead on the response as this process read it a second ago (recentResponseContext). What
// another process changed meanwhile is played here by writing the database directly, which this process's
// memory is not told about: the write must still obey the database, and a refusal must read it afresh.
let database: Database$;
let client: ReturnType<typeof testClient>;
let team: Record<string, string>;
let responseId: number;
let campaignId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  const centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  team = await client.loginAs(DEMO.team);
  const res = await client.request(`/api/structures/${centreId}/campaigns/2025/response`, { method: 'POST', headers: team });
  responseId = (await res.json()).responseId;
  campaignId = (await database.db.selectFrom('responses').select('campaign_id').where('id', '=', responseId).executeTakeFirstOrThrow()).campaign_id;
});
afterAll(() => database.close());

const answer = (code: string) => database.db.selectFrom('answers').select(['value', 'version']).where('response_id', '=', responseId).where('code', '=', code).executeTakeFirst();
const revisions = async () => Number((await database.db.selectFrom('answer_revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('response_id', '=', responseId).executeTakeFirstOrThrow()).n);
const put = (code: string, value: unknown, baseVersion: number) => client.request(`/api/responses/${responseId}/answers/${code}`,
  { method: 'PUT', headers: { 'content-type': 'application/json', ...team }, body: JSON.stringify({ value, baseVersion }) });
const setState = (state: ResponseState) => database.db.updateTable('responses').set({ state }).where('id', '=', responseId).execute();

describe('autosave on a response changed a moment ago by another process', () => {
  it('a submission made elsewhere refuses the next save, with the reason, and writes nothing', async () => {
    const before = (await answer('participation.benevoles'))?.version ?? 0;
    expect((await put('participation.benevoles', 31, before)).status).toBe(200);
    await setState('submitted');
    const [kept, n] = [await answer('participation.benevoles'), await revisions()];
    const refused = await put('participation.benevoles', 32, before + 1);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/vient d’être transmise/);
    expect(await answer('participation.benevoles')).toEqual(kept);
    expect(await revisions()).toBe(n);
  });

  it('a return made elsewhere unlocks only the questioned answer', async () => {
    const opener = (await database.db.selectFrom('users').select('id').where('email', '=', DEMO.caf69).executeTakeFirstOrThrow()).id;
    await setState('returned');
    await database.db.insertInto('queries').values({ response_id: responseId, code: 'participation.benevoles', opened_by: opener }).execute();
    const cur = (await answer('participation.benevoles'))!;
    expect((await put('participation.benevoles', 33, cur.version)).status).toBe(200);
    const other = (await answer('participation.adherents'))?.version ?? 0;
    const locked = await put('participation.adherents', 5, other);
    expect(locked.status).toBe(409);
    expect((await locked.json()).error.message).toMatch(/questionnées/);
    expect((await answer('participation.adherents'))?.version ?? 0).toBe(other);
    await database.db.updateTable('queries').set({ state: 'closed' }).where('response_id', '=', responseId).execute();
  });

  it('a refusal remembered here is not applied when the database has since reopened the response', async () => {
    await setState('submitted');
    forgetResponseContexts();
    // The whole-response check reads the same kept view: this process now remembers « submitted ».
    expect((await client.request(`/api/responses/${responseId}/validation`, { headers: team })).status).toBe(200);
    await setState('in_progress');
    const cur = (await answer('participation.benevoles'))!;
    expect((await put('participation.benevoles', 34, cur.version)).status).toBe(200);
    expect((await answer('participation.benevoles'))?.value).toBe(34);
  });

  it('a campaign closed elsewhere refuses the save and writes nothing', async () => {
    await database.db.updateTable('campaigns').set({ state: 'closed' }).where('id', '=', campaignId).execute();
    try {
      const cur = (await answer('participation.benevoles'))!;
      const refused = await put('participation.benevoles', 35, cur.version);
      expect(refused.status).toBe(409);
      expect((await refused.json()).error.message).toMatch(/campagne est close/);
      expect(await answer('participation.benevoles')).toEqual(cur);
    } finally {
      await database.db.updateTable('campaigns').set({ state: 'open' }).where('id', '=', campaignId).execute();
    }
  });
});
