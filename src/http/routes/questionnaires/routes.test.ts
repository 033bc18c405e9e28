import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { readXlsForm } from '../../../app/questionnaires/xlsformFile';

let database: Database$;
let client: ReturnType<typeof testClient>;

const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(() => database.close());

describe('questionnaire versions', () => {
  it('serves a year’s national definition to anyone', async () => {
    const res = await client.request('/api/questionnaires/2024');
    expect(res.status).toBe(200);
    const definition = await res.json();
    expect(definition.senacs.year).toBe(2024);
    expect(definition.pages.length).toBeGreaterThan(5);
    expect((await client.request('/api/questionnaires/2019')).status).toBe(404);
    expect((await client.request('/api/questionnaires/20x4')).status).toBe(404);
  });

  it('serves a year’s questionnaire as XLSForm to anyone (what ODK and KoboToolbox load)', async () => {
    const res = await client.request('/api/questionnaires/2025/xlsform');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/questionnaire-2025-xlsform\.xlsx/);
    const form = await readXlsForm(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(form)).toEqual(['survey', 'choices', 'settings', 'rules', 'mappings']);
    expect(form.survey.rows.find((r) => r.name === 'rh.effectif.total')?.calculation).toMatch(/^\(coalesce\(/);
    expect((await client.request('/api/questionnaires/2019/xlsform')).status).toBe(404);
  });

  it('shows what changed between two years, with the declared change of meaning', async () => {
    const res = await client.request('/api/questionnaires/diff?from=2023&to=2024');
    expect(res.status).toBe(200);
    const diff = await res.json();
    expect(diff).toMatchObject({ from: 2023, to: 2024 });
    expect(diff.meaning).toContainEqual(expect.objectContaining({ from: 'territoire.qpv.codes', to: 'territoire.qpv.codes_2024' }));
    expect(diff.added.some((c: string) => c.startsWith('theme.2024.'))).toBe(true);
    expect(diff.removed.some((c: string) => c.startsWith('theme.2023.'))).toBe(true);
    expect(diff.added).not.toContain('territoire.qpv.codes_2024');
  });

  it('refuses a diff with bad years in French', async () => {
    for (const query of ['from=2023', 'from=abc&to=2024', 'from=1500&to=2024']) {
      const res = await client.request(`/api/questionnaires/diff?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.code).toBe('validation_failed');
    }
    expect((await client.request('/api/questionnaires/diff?from=2023&to=2099')).status).toBe(404);
  });
});

describe('proposals of change', () => {
  it('groups the proposals per question for national admins only', async () => {
    const team = await client.loginAs(DEMO.team);
    const centre = await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow();
    const { responseId } = await (await client.request(`/api/structures/${centre.id}/campaigns/2025/response`, json('POST', team))).json();
    for (const [code, body] of [['participation.benevoles', 'Distinguer bénévoles réguliers et ponctuels.'], ['rh.etp.animation', 'Compter les vacataires ?'], ['participation.benevoles', 'Préciser la période de référence.']]) {
      const res = await client.request(`/api/responses/${responseId}/comments`, json('POST', team, { code, kind: 'proposal', body }));
      expect(res.status).toBe(200);
    }
    await client.request(`/api/responses/${responseId}/comments`, json('POST', team, { code: 'rh.etp.animation', kind: 'comment', body: 'Pas une proposition.' }));

    const national = await client.loginAs(DEMO.national);
    const res = await client.request('/api/questionnaires/2025/proposals', { headers: national });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { code: string; count: number }) => [i.code, i.count])).toEqual([['participation.benevoles', 2], ['rh.etp.animation', 1]]);
    expect(body.items[0].label).toBe('Bénévoles d’activité (hors administrateurs)');
    expect(body.items[0].proposals[0]).toMatchObject({ body: 'Distinguer bénévoles réguliers et ponctuels.', structure: { name: DEMO_CENTRE.name } });

    expect((await client.request('/api/questionnaires/2025/proposals', { headers: await client.loginAs(DEMO.caf69) })).status).toBe(403);
    expect((await client.request('/api/questionnaires/2025/proposals')).status).toBe(401);
  });
});
