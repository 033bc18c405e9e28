import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignState } from '../../../domain/campaignState';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { TEST_PASSWORD } from '../../../testing/template';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { createUser } from '../../../app/accounts/createUser';
import { saveAnswer } from '../../../app/responses/saveAnswer';

let database: Database$;
let client: ReturnType<typeof testClient>;
let caf69: Record<string, string>;
let caf13: Record<string, string>;
let region: Record<string, string>;
let team: Record<string, string>;
let national: Record<string, string>;
let rhoneResponse: number;
let bdrResponse: { id: number; structure_id: number };

const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const jardins = { type: 'boolean', title: 'Le centre anime-t-il un jardin partagé ?', unit: 'yesno', aggregate: 'share', disclosure: 'count', section: 'actions', isRequired: true };
const add = (h: Record<string, string>, level: string, code: string, body: unknown, year = 2025) =>
  client.request(`/api/campaigns/${year}/local-questions?level=${level}&code=${code}`, json('POST', h, body));
const setCampaign = (state: CampaignState) => database.db.updateTable('campaigns').set({ state }).where('year', '=', 2025).execute();
const questionnaireOf = async (id: number, h: Record<string, string>) => (await client.request(`/api/responses/${id}/questionnaire`, { headers: h })).json();
const localCodesOf = (definition: { pages: { name: string; elements: { name: string }[] }[] }) =>
  definition.pages.find((p) => p.name === 'questions_locales')?.elements.map((e) => e.name) ?? [];

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  await createUser({ db: database.db, email: 'caf13@test.senacs.test', name: 'CAF des Bouches-du-Rhône', password: TEST_PASSWORD, role: 'correspondent', departementCode: '13', organisation: 'caf' });
  [caf69, caf13, region, team, national] = await Promise.all([
    client.loginAs(DEMO.caf69), client.loginAs('caf13@test.senacs.test'), client.loginAs(DEMO.regionAra), client.loginAs(DEMO.team), client.loginAs(DEMO.national),
  ]);
  const centre = await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow();
  rhoneResponse = (await (await client.request(`/api/structures/${centre.id}/campaigns/2025/response`, json('POST', team))).json()).responseId;
  bdrResponse = await database.db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select(['responses.id', 'responses.structure_id']).where('structures.departement_code', '=', '13').where('campaigns.year', '=', 2025)
    .where('responses.state', 'in', ['not_started', 'in_progress', 'returned']).executeTakeFirstOrThrow();
  // Loaded (and cached) before any local question exists: adding one must not leave it stale.
  expect(localCodesOf(await questionnaireOf(rhoneResponse, team))).toEqual([]);
  await setCampaign('preparation');
});
afterAll(() => database.close());

describe('local questions while the campaign is prepared', () => {
  it('lets the Rhône correspondent add a question, namespaced local.69', async () => {
    const res = await add(caf69, 'departement', '69', { name: 'jardins', element: { ...jardins, name: 'rh.etp.animation' } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ code: 'local.69.jardins', level: 'departement', territoryCode: '69' });
    expect(body.element).toMatchObject({ name: 'local.69.jardins', indicator: 'local.69.jardins' });
  });

  it('lets the regional coordinator add a region question (local.r84) with a rule reading national and own codes', async () => {
    const element = {
      type: 'text', inputType: 'number', min: 0, max: 100000, title: 'Familles accompagnées vers le relogement', unit: 'count', aggregate: 'sum', disclosure: 'count', section: 'actions',
      validators: [{ type: 'expression', ruleId: 'plafond', notificationType: 'warning', expression: '{local.r84.relogement} empty or {local.r84.relogement} <= {participation.adherents}', text: '« Familles accompagnées vers le relogement » dépasse les adhérents.' }],
    };
    const res = await add(region, 'region', '84', { name: 'relogement', element });
    expect(res.status).toBe(201);
    expect((await res.json()).element.validators[0].ruleId).toBe('local.r84.relogement.plafond');
  });

  it('refuses a correspondent outside their département, and a coordinator outside their region', async () => {
    for (const [h, level, code] of [[caf13, 'departement', '69'], [caf69, 'departement', '13'], [caf69, 'region', '84'], [region, 'departement', '13']] as const) {
      const res = await add(h, level, code, { name: 'autre', element: jardins });
      expect(res.status, `${level} ${code}`).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const listed = await (await client.request('/api/campaigns/2025/local-questions?level=departement&code=69', { headers: caf13 })).json();
    expect(listed.error.code).toBe('forbidden');
    expect(await database.db.selectFrom('local_questions').select('code').orderBy('code').execute()).toEqual([{ code: 'local.69.jardins' }, { code: 'local.r84.relogement' }]);
  });

  it('refuses bad names and malformed questions in French, storing nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: 'Jardins partagés', element: jardins }, /Nom de question locale invalide/],
      [{ name: 'local.13.jardins', element: jardins }, /Nom de question locale invalide/],
      [{ name: 'jardins', element: jardins }, /existe déjà/],
      [{ name: 'potager', element: { ...jardins, type: 'panel', elements: [] } }, /type « panel »/],
      [{ name: 'potager', element: { ...jardins, unit: 'litres' } }, /unité inconnue/],
      [{ name: 'potager', element: { ...jardins, visibleIf: '{local.13.x} = true' } }, /autre territoire/],
      [{ name: 'potager', element: { ...jardins, visibleIf: '{rh.inconnu} = true' } }, /code inconnu rh\.inconnu/],
      [{ name: 'potager' }, /element/],
    ];
    for (const [body, message] of cases) {
      const res = await add(caf69, 'departement', '69', body);
      const error = (await res.json()).error;
      expect([400, 409], JSON.stringify(body)).toContain(res.status);
      expect(error.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await database.db.selectFrom('local_questions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 2 });
  });

  it('edits and removes a question of one’s territory only', async () => {
    const created = await (await add(caf69, 'departement', '69', { name: 'temporaire', element: jardins })).json();
    const edited = await client.request(`/api/campaigns/2025/local-questions/${created.id}`, json('PUT', caf69, { name: 'provisoire', element: { ...jardins, title: 'Question provisoire' } }));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ code: 'local.69.provisoire', element: { title: 'Question provisoire' } });
    expect((await client.request(`/api/campaigns/2025/local-questions/${created.id}`, json('DELETE', caf13))).status).toBe(403);
    expect((await client.request(`/api/campaigns/2025/local-questions/${created.id}`, json('DELETE', caf69))).status).toBe(200);
    const listed = await (await client.request('/api/campaigns/2025/local-questions?level=departement&code=69', { headers: caf69 })).json();
    expect(listed.items.map((q: { code: string }) => q.code)).toEqual(['local.69.jardins']);
  });
});

describe('once the campaign is open', () => {
  beforeAll(() => setCampaign('open'));

  it('freezes local questions (409 in French)', async () => {
    const [one] = (await (await client.request('/api/campaigns/2025/local-questions', { headers: national })).json()).items;
    for (const res of [
      await add(caf69, 'departement', '69', { name: 'tardive', element: jardins }),
      await client.request(`/api/campaigns/2025/local-questions/${one.id}`, json('PUT', caf69, { element: jardins })),
      await client.request(`/api/campaigns/2025/local-questions/${one.id}`, json('DELETE', caf69)),
    ]) {
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(/figées/);
    }
  });

  it('shows a Rhône response the questions of the Rhône and of its region, and a Bouches-du-Rhône response none', async () => {
    const rhone = await questionnaireOf(rhoneResponse, team);
    expect(localCodesOf(rhone)).toEqual(['local.r84.relogement', 'local.69.jardins']);
    expect(rhone.pages.at(-1).title).toBe('Questions locales');
    const bdr = await questionnaireOf(bdrResponse.id, caf13);
    expect(bdr.pages.length).toBe(rhone.pages.length - 1);
    expect(JSON.stringify(bdr)).not.toMatch(/local\./);
  });

  it('validates autosaves, comments and submission checks with the merged questionnaire', async () => {
    const saved = await client.request(`/api/responses/${rhoneResponse}/answers/local.69.jardins`, json('PUT', team, { value: true, baseVersion: 0 }));
    expect(saved.status).toBe(200);
    const wrong = await client.request(`/api/responses/${rhoneResponse}/answers/local.r84.relogement`, json('PUT', team, { value: 'beaucoup', baseVersion: 0 }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toMatch(/Familles accompagnées vers le relogement/);
    const comment = await client.request(`/api/responses/${rhoneResponse}/comments`, json('POST', team, { code: 'local.69.jardins', kind: 'proposal', body: 'Préciser « jardin partagé ».' }));
    expect(comment.status).toBe(200);

    const admin = await database.db.selectFrom('users').select('id').where('email', '=', DEMO.national).executeTakeFirstOrThrow();
    const bdrTeam = { userId: admin.id, memberships: [{ role: 'contributor' as const, structureId: bdrResponse.structure_id }] };
    await expect(saveAnswer({ db: database.db, actor: bdrTeam, responseId: bdrResponse.id, code: 'local.69.jardins', value: true, baseVersion: 0 }))
      .rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/n’est pas une question/) });

    const rhoneCheck = await (await client.request(`/api/responses/${rhoneResponse}/validation`, { headers: team })).json();
    const missing = rhoneCheck.errors.filter((f: { rule: string }) => f.rule === 'answer.required').flatMap((f: { questions: string[] }) => f.questions);
    expect(missing).not.toContain('local.69.jardins');
    await database.db.deleteFrom('answers').where('response_id', '=', rhoneResponse).where('code', '=', 'local.69.jardins').execute();
    const again = await (await client.request(`/api/responses/${rhoneResponse}/validation`, { headers: team })).json();
    expect(again.errors.flatMap((f: { questions: string[] }) => f.questions)).toContain('local.69.jardins');
  });
});
