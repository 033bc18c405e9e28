import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let director: Record<string, string>;
let team: Record<string, string>;
let caf: Record<string, string>;
let responseId: number;

const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  [director, team, caf] = await Promise.all([client.loginAs(DEMO.director), client.loginAs(DEMO.team), client.loginAs(DEMO.caf69)]);
  const res = await client.request(`/api/structures/${centreId}/campaigns/2025/response`, json('POST', team));
  expect(res.status).toBe(200);
  responseId = (await res.json()).responseId;
});
afterAll(() => database.close());

const get = async (path: string, h: Record<string, string>) => (await client.request(path, { headers: h })).json();
const put = (code: string, value: unknown, baseVersion: number, h = team) =>
  client.request(`/api/responses/${responseId}/answers/${code}`, json('PUT', h, { value, baseVersion }));

describe('filling a response together', () => {
  it('shows the response with its answers and abilities to the team, and to the département correspondent read-only', async () => {
    const mine = await get(`/api/responses/${responseId}`, team);
    expect(mine.response.structureName).toBe(DEMO_CENTRE.name);
    expect(mine.can).toEqual({ fill: true, submit: false, review: false, submitOnceStarted: false });
    // Last year's answers, for the rules the browser runs (prev()).
    expect(typeof mine.previous['participation.benevoles']).toBe('number');
    const theirs = await get(`/api/responses/${responseId}`, caf);
    expect(theirs.can.fill).toBe(false);
    expect(theirs.can.review).toBe(true);
  });

  it('saves an answer, bumps its version and keeps who wrote it', async () => {
    const before = (await get(`/api/responses/${responseId}`, team)).answers.find((a: { code: string }) => a.code === 'participation.benevoles');
    const base = before?.version ?? 0;
    const res = await put('participation.benevoles', 61, base);
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe(base + 1);
    const after = (await get(`/api/responses/${responseId}`, team)).answers.find((a: { code: string }) => a.code === 'participation.benevoles');
    expect(after).toMatchObject({ value: 61, version: base + 1, authorName: expect.stringContaining('Étienne') });
  });

  it('refuses a stale write with the other person’s value, and changes nothing', async () => {
    const cur = (await get(`/api/responses/${responseId}`, team)).answers.find((a: { code: string }) => a.code === 'participation.benevoles');
    expect((await put('participation.benevoles', 70, cur.version, director)).status).toBe(200);
    const stale = await put('participation.benevoles', 99, cur.version, team);
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('conflict');
    expect(body.error.details.current).toMatchObject({ value: 70, version: cur.version + 1 });
    const now = (await get(`/api/responses/${responseId}`, team)).answers.find((a: { code: string }) => a.code === 'participation.benevoles');
    expect(now.value).toBe(70);
  });

  it('refuses unknown codes, wrong types and out-of-range values in French', async () => {
    for (const [code, value] of [['nope.code', 1], ['participation.benevoles', 'beaucoup'], ['rh.temps_partiel_part', 140], ['participation.benevoles', -3]] as const) {
      const res = await put(code, value, 0);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toMatch(/«/);
    }
  });

  it('keeps every change in the answer’s history (old → new)', async () => {
    const h = await get(`/api/responses/${responseId}/answers/participation.benevoles/history`, caf);
    const saves = h.items.filter((i: { kind: string }) => i.kind === 'save');
    expect(saves.at(-1)).toMatchObject({ value: 70, previous: 61 });
  });

  it('comments an answer, and a correspondent cannot write answers', async () => {
    const res = await client.request(`/api/responses/${responseId}/comments`, json('POST', caf, { code: 'participation.benevoles', body: 'Forte hausse : pouvez-vous confirmer ?' }));
    expect(res.status).toBe(200);
    const list = await get(`/api/responses/${responseId}/comments`, team);
    expect(list.items.at(-1)).toMatchObject({ body: 'Forte hausse : pouvez-vous confirmer ?', code: 'participation.benevoles' });
    expect((await put('participation.benevoles', 1, 99, caf)).status).toBe(403);
  });

  it('only the director may submit, and not while errors remain', async () => {
    const byTeam = await client.request(`/api/responses/${responseId}/submit`, json('POST', team, {}));
    expect(byTeam.status).toBe(403);
    const byDirector = await client.request(`/api/responses/${responseId}/submit`, json('POST', director, {}));
    expect(byDirector.status).toBe(400);
    expect((await byDirector.json()).error.message).toMatch(/erreur/);
  });

  it('hides another département’s response from a correspondent', async () => {
    const other = await database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
      .select('responses.id').where('structures.departement_code', '=', '13').executeTakeFirstOrThrow();
    const res = await client.request(`/api/responses/${other.id}`, { headers: caf });
    expect(res.status).toBe(404);
  });
});

describe('prefill on a structure’s first opening', () => {
  it('creates the response with last year’s answers marked to confirm', async () => {
    // A structure of the Lyon centre's département with a 2024 response and none for 2025.
    const candidate = await database.db.selectFrom('structures')
      .where('departement_code', '=', '69')
      .where((eb) => eb.exists(eb.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').whereRef('responses.structure_id', '=', 'structures.id').where('campaigns.year', '=', 2024)))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').whereRef('responses.structure_id', '=', 'structures.id').where('campaigns.year', '=', 2025))))
      .select('id').executeTakeFirst();
    if (!candidate) throw new Error('the test template has no structure of the Rhône without a 2025 response');
    await database.db.updateTable('memberships').set({ structure_id: candidate.id }).where('user_id', '=',
      database.db.selectFrom('users').select('id').where('email', '=', DEMO.board)).execute();
    const board = await client.loginAs(DEMO.board);
    const res = await client.request(`/api/structures/${candidate.id}/campaigns/2025/response`, json('POST', board));
    expect(await res.json()).toMatchObject({ created: true });
    const id = (await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').select('responses.id').where('structure_id', '=', candidate.id).where('campaigns.year', '=', 2025).executeTakeFirstOrThrow()).id;
    const answers = await database.db.selectFrom('answers').selectAll().where('response_id', '=', id).execute();
    expect(answers.length).toBeGreaterThan(50);
    expect(answers.every((a) => a.prefilled)).toBe(true);
    expect(answers.some((a) => a.code.startsWith('theme.'))).toBe(false);

    const one = answers.find((a) => a.code === 'participation.benevoles')!;
    const confirm = await client.request(`/api/responses/${id}/answers/${one.code}/confirm`, json('POST', board, { baseVersion: one.version }));
    expect(confirm.status).toBe(200);
    const after = await database.db.selectFrom('answers').selectAll().where('response_id', '=', id).where('code', '=', one.code).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ prefilled: false, value: one.value, version: one.version + 1 });
  });
});
