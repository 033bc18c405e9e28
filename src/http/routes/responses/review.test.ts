import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
let caf: Record<string, string>;
let national: Record<string, string>;
let director: Record<string, string>;
let responseId: number;

const send = (method: string, path: string, h: Record<string, string>, body?: unknown) =>
  client.request(path, { method, headers: { 'content-type': 'application/json', ...h }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const state = async () => (await database.db.selectFrom('responses').select('state').where('id', '=', responseId).executeTakeFirstOrThrow()).state;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  // A submitted 2025 response of the Rhône; the demo director is moved onto that structure for the loop.
  const r = await database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select(['responses.id', 'structures.id as structure_id']).where('structures.departement_code', '=', '69')
    .where('campaigns.year', '=', 2025).where('responses.state', '=', 'submitted').orderBy('responses.id').executeTakeFirstOrThrow();
  responseId = r.id;
  await database.db.updateTable('memberships').set({ structure_id: r.structure_id })
    .where('user_id', '=', database.db.selectFrom('users').select('id').where('email', '=', DEMO.director)).execute();
  [caf, national, director] = await Promise.all([client.loginAs(DEMO.caf69), client.loginAs(DEMO.national), client.loginAs(DEMO.director)]);
});
afterAll(() => database.close());

describe('query loop', () => {
  it('a correspondent questions one answer: the response is returned and only that answer unlocks', async () => {
    const res = await send('POST', `/api/responses/${responseId}/queries`, caf, { code: 'participation.benevoles', body: 'Ce nombre a doublé : pouvez-vous vérifier ?' });
    expect(res.status).toBe(200);
    expect(await state()).toBe('returned');
    const current = await database.db.selectFrom('answers').select('version').where('response_id', '=', responseId).where('code', '=', 'participation.benevoles').executeTakeFirstOrThrow();
    expect((await send('PUT', `/api/responses/${responseId}/answers/participation.benevoles`, director, { value: 44, baseVersion: current.version })).status).toBe(200);
    const other = await database.db.selectFrom('answers').select('version').where('response_id', '=', responseId).where('code', '=', 'participation.adherents').executeTakeFirstOrThrow();
    const locked = await send('PUT', `/api/responses/${responseId}/answers/participation.adherents`, director, { value: 1, baseVersion: other.version });
    expect(locked.status).toBe(409);
    expect((await locked.json()).error.message).toMatch(/questionnées/);
  });

  it('cannot validate while a query is open; the structure replies, the correspondent closes, then validates', async () => {
    const [query] = (await (await client.request(`/api/responses/${responseId}/queries`, { headers: director })).json()).items;
    expect(query.messages).toHaveLength(1);
    expect((await send('POST', `/api/queries/${query.id}/close`, director, { body: 'x' })).status).toBe(403);
    expect((await send('POST', `/api/queries/${query.id}/reply`, director, { body: 'Erreur de saisie corrigée : 44 bénévoles.' })).status).toBe(200);
    expect((await send('POST', `/api/queries/${query.id}/ask-again`, caf, { body: 'Et les heures de bénévolat ?' })).status).toBe(200);
    expect((await send('POST', `/api/queries/${query.id}/reply`, director, { body: 'Les heures sont justes.' })).status).toBe(200);
    expect((await send('POST', `/api/responses/${responseId}/submit`, director, {})).status).toBe(200);
    const early = await send('POST', `/api/responses/${responseId}/validate`, caf, {});
    expect(early.status).toBe(409);
    expect((await send('POST', `/api/queries/${query.id}/close`, caf, { body: 'Merci, c’est clair.' })).status).toBe(200);
    expect((await send('POST', `/api/responses/${responseId}/validate`, caf, {})).status).toBe(200);
    expect(await state()).toBe('validated');
    const history = (await (await client.request(`/api/responses/${responseId}/queries`, { headers: caf })).json()).items[0];
    expect(history.messages.map((m: { kind: string }) => m.kind)).toEqual(['question', 'answer', 'question', 'answer', 'close']);
  });

  it('reopening needs a reason and is audited; unlocking is for the national administrator only', async () => {
    expect((await send('POST', `/api/responses/${responseId}/reopen`, caf, {})).status).toBe(400);
    expect((await send('POST', `/api/responses/${responseId}/reopen`, caf, { reason: 'Budget à corriger' })).status).toBe(200);
    expect(await state()).toBe('in_progress');
    const audit = await database.db.selectFrom('audit_events').select(['action', 'data']).where('entity', '=', 'response').where('entity_id', '=', String(responseId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['query.open', 'response.submit', 'response.validate', 'response.reopen']));
    expect(audit.find((a) => a.action === 'response.reopen')?.data).toMatchObject({ reason: 'Budget à corriger' });
    await database.db.updateTable('responses').set({ state: 'locked' }).where('id', '=', responseId).execute();
    expect((await send('POST', `/api/responses/${responseId}/unlock`, caf, { reason: 'x' })).status).toBe(403);
    expect((await send('POST', `/api/responses/${responseId}/unlock`, national, { reason: 'Erreur de saisie signalée' })).status).toBe(200);
  });

  it('a correspondent of another département cannot question or validate', async () => {
    const other = await database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
      .select('responses.id').where('structures.departement_code', '=', '13').where('responses.state', '=', 'submitted').executeTakeFirstOrThrow();
    expect((await send('POST', `/api/responses/${other.id}/queries`, caf, { code: 'participation.benevoles', body: 'x' })).status).toBe(404);
    expect((await send('POST', `/api/responses/${other.id}/validate`, caf, {})).status).toBe(404);
  });
});

describe('campaigns, cockpit and reminders', () => {
  it('counts the territory like a direct count, and only the territory’s followers see it', async () => {
    const res = await client.request('/api/campaigns/2025/cockpit?level=departement&code=69', { headers: caf });
    expect(res.status).toBe(200);
    const cockpit = await res.json();
    const direct = await database.db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('departement_code', '=', '69').where('first_approval_on', '<', new Date('2025-01-01') as never).executeTakeFirstOrThrow();
    expect(cockpit.expected).toBe(Number(direct.n));
    expect(Object.values(cockpit.byState as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(cockpit.expected);
    expect(cockpit.qualityDistribution).toHaveLength(10);
    // Timeliness over the expected structures: on time + late + missing = expected, and the share is of the expected.
    const t = cockpit.timeliness;
    expect(t.onTime + t.late + t.missing).toBe(cockpit.expected);
    expect(t.onTimeOfExpected).toBeCloseTo(t.onTime / cockpit.expected, 10);
    const transmitted = await database.db.selectFrom('structures').innerJoin('responses', 'responses.structure_id', 'structures.id')
      .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaigns.year', '=', 2025).where('structures.departement_code', '=', '69').where('structures.first_approval_on', '<', new Date('2025-01-01') as never)
      .where('responses.submitted_at', 'is not', null).executeTakeFirstOrThrow();
    expect(t.missing).toBe(cockpit.expected - Number(transmitted.n));
    expect(t.missing).toBeGreaterThan(0);
    expect((await client.request('/api/campaigns/2025/cockpit?level=departement&code=13', { headers: caf })).status).toBe(403);
    expect((await client.request('/api/campaigns/2025/cockpit?level=departement&code=69', { headers: director })).status).toBe(403);
  });

  it('reminds late structures through the outbox', async () => {
    const res = await send('POST', '/api/campaigns/2025/reminders?level=departement&code=69', caf, {});
    expect(res.status).toBe(200);
    const sent = await res.json();
    expect(sent.structures).toBeGreaterThan(0);
    const outbox = await (await client.request('/api/outbox?level=departement&code=69', { headers: caf })).json();
    expect(outbox.total).toBe(sent.mails);
    expect(outbox.items[0].subject).toMatch(/questionnaire 2025/);
    expect(outbox.items[0].body).toMatch(/Bonjour/);
  });

  it('the national administrator prepares, opens and closes a campaign; closing locks validated responses', async () => {
    expect((await send('POST', '/api/campaigns', caf, { year: 2026, opensOn: '2027-03-01', closesOn: '2027-06-30', questionnaireYear: 2025 })).status).toBe(403);
    expect((await send('POST', '/api/campaigns', national, { year: 2026, opensOn: '2027-06-30', closesOn: '2027-03-01', questionnaireYear: 2025 })).status).toBe(400);
    expect((await send('POST', '/api/campaigns', national, { year: 2026, opensOn: '2027-03-01', closesOn: '2027-06-30', questionnaireYear: 2025 })).status).toBe(200);
    expect((await send('POST', '/api/campaigns/2026/close', national, {})).status).toBe(409);
    expect((await send('POST', '/api/campaigns/2026/open', national, {})).status).toBe(200);
    const validated = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('campaigns.year', '=', 2025).where('responses.state', '=', 'validated').executeTakeFirstOrThrow();
    const closed = await (await send('POST', '/api/campaigns/2025/close', national, {})).json();
    expect(closed).toMatchObject({ state: 'closed', locked: Number(validated.n) });
  });
});
