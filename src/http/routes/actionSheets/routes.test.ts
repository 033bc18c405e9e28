import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { DEMO_ACTION_SHEETS } from '../../../seed/actionSheets';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let otherId: number;
const h: Record<string, Record<string, string>> = {};

const send = async (method: string, path: string, who?: string, body?: unknown) => {
  const res = await client.request(path, {
    method, headers: { ...(who ? h[who] : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};
const get = (path: string, who?: string) => send('GET', path, who);

const content = {
  title: 'Jardins partagés sur les toits', themes: ['ecologie', 'participation'], keywords: ['Toiture ', 'toiture', 'Potager'],
  summary: 'Des bacs de culture installés sur le toit du centre, entretenus par les habitants et les enfants du périscolaire.',
  audience: 'Habitants du quartier', partners: 'Ville, bailleur', resources: 'Une animatrice', resultsTerritory: 'Un toit végétalisé',
  resultsCentre: 'Un projet fédérateur', resultsInhabitants: 'Des tomates et des rencontres', limits: 'Accès au toit', nextSteps: 'Un deuxième toit',
};

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  otherId = (await database.db.selectFrom('structures').select('id').where('departement_code', '=', '13').orderBy('id').executeTakeFirstOrThrow()).id;
  for (const who of ['director', 'team', 'board', 'caf69', 'national'] as const) h[who] = await client.loginAs(DEMO[who]);
});
afterAll(() => database?.close());

describe('demo fiches', () => {
  it('are seeded: the public sees published ones only, the centre has two published and one draft', async () => {
    const all = await get('/api/action-sheets?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(DEMO_ACTION_SHEETS.length - 5);
    expect(all.body.items.every((s: { state: string }) => s.state === 'published')).toBe(true);
    expect(JSON.stringify(all.body)).not.toMatch(/author_id/);
    const own = await get(`/api/action-sheets?structure=${centreId}`);
    expect(own.body.total).toBe(2);
    const withDrafts = await get(`/api/action-sheets?structure=${centreId}&drafts=1`, 'team');
    expect(withDrafts.body.items.map((s: { state: string }) => s.state).sort()).toEqual(['draft', 'published', 'published']);
  });
});

describe('search', () => {
  it('finds by keyword with French stemming (plural, accents of the same stem), by theme and by territory, paginated', async () => {
    const jardin = await get(`/api/action-sheets?q=${encodeURIComponent('jardin partagé')}`);
    expect(jardin.body.items[0].title).toBe('Jardin partagé au pied des immeubles');
    const plural = await get(`/api/action-sheets?q=${encodeURIComponent('jardins')}`);
    expect(plural.body.items.map((s: { title: string }) => s.title)).toContain('Jardin partagé au pied des immeubles');
    // A keyword found only in the keywords and in the text, not in the title.
    const vacaf = await get('/api/action-sheets?q=VACAF');
    expect(vacaf.body.items.map((s: { title: string }) => s.title)).toEqual(['Séjours familles à la mer']);
    // A word beginning, as typed: the title's ILIKE catches it.
    const begin = await get('/api/action-sheets?q=Ludoth');
    expect(begin.body.items.map((s: { title: string }) => s.title)).toEqual(['Ludothèque et soirées jeux']);
    const theme = await get('/api/action-sheets?theme=mobilite&pageSize=100');
    expect(theme.body.total).toBeGreaterThanOrEqual(2);
    expect(theme.body.items.every((s: { themes: string[] }) => s.themes.includes('mobilite'))).toBe(true);
    const both = await get('/api/action-sheets?theme=ecologie&q=compost');
    expect(both.body.items.map((s: { title: string }) => s.title)).toEqual(['Compostage collectif']);
    const rhone = await get('/api/action-sheets?departement=69&pageSize=100');
    expect(rhone.body.items.every((s: { departementCode: string }) => s.departementCode === '69')).toBe(true);
    expect(rhone.body.total).toBeGreaterThanOrEqual(2);
    const region = await get('/api/action-sheets?region=84&pageSize=100');
    expect(region.body.total).toBeGreaterThanOrEqual(rhone.body.total);
    const p1 = await get('/api/action-sheets?pageSize=5&page=1');
    const p2 = await get('/api/action-sheets?pageSize=5&page=2');
    expect(p1.body.items).toHaveLength(5);
    expect(p2.body.total).toBe(p1.body.total);
    expect(p2.body.items.map((s: { id: number }) => s.id).filter((id: number) => p1.body.items.some((x: { id: number }) => x.id === id))).toEqual([]);
    const none = await get('/api/action-sheets?q=zzzxqw');
    expect(none.body).toEqual({ items: [], total: 0 });
  });

  it('search text with operators or quotes is harmless', async () => {
    for (const q of ['"jardin', 'jardin & | !', 'or -', '%_\\', "l'épicerie"]) expect((await get(`/api/action-sheets?q=${encodeURIComponent(q)}`)).status).toBe(200);
  });

  it('themes list with published counts', async () => {
    const t = await get('/api/action-sheets/themes');
    expect(t.body.items.find((x: { code: string }) => x.code === 'ecologie').published).toBeGreaterThan(0);
  });
});

describe('writing and publishing', () => {
  it('the team writes a draft, nobody outside sees it, the director publishes it, the public finds it', async () => {
    expect((await send('POST', `/api/structures/${centreId}/action-sheets`, undefined, content)).status).toBe(401);
    expect((await send('POST', `/api/structures/${centreId}/action-sheets`, 'caf69', content)).status).toBe(403);
    expect((await send('POST', `/api/structures/${otherId}/action-sheets`, 'team', content)).status).toBe(403);
    const created = await send('POST', `/api/structures/${centreId}/action-sheets`, 'team', content);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', title: content.title, keywords: ['toiture', 'potager'], structureId: centreId });
    expect(created.body).toMatchObject({ resultsTerritory: content.resultsTerritory, resultsCentre: content.resultsCentre, resultsInhabitants: content.resultsInhabitants, nextSteps: content.nextSteps });
    const id = created.body.id;

    expect((await get(`/api/action-sheets/${id}`)).status).toBe(404);
    expect((await get(`/api/action-sheets/${id}`, 'caf69')).status).toBe(200);
    expect((await get(`/api/action-sheets?q=toits`)).body.total).toBe(0);

    const edited = await send('PUT', `/api/action-sheets/${id}`, 'board', { ...content, title: 'Potagers sur les toits' });
    expect(edited.status).toBe(200);
    expect((await send('PUT', `/api/action-sheets/${id}`, 'caf69', content)).status).toBe(403);

    expect((await send('POST', `/api/action-sheets/${id}/publish`, 'team')).status).toBe(403);
    const published = await send('POST', `/api/action-sheets/${id}/publish`, 'director');
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect(published.body.publishedAt).not.toBeNull();
    expect((await send('POST', `/api/action-sheets/${id}/publish`, 'director')).status).toBe(409);

    const found = await get(`/api/action-sheets?q=${encodeURIComponent('potager toit')}`);
    expect(found.body.items[0].id).toBe(id);
    expect((await get(`/api/action-sheets/${id}`)).body.title).toBe('Potagers sur les toits');

    // A published fiche is the director's: the team no longer changes or deletes it.
    expect((await send('PUT', `/api/action-sheets/${id}`, 'team', content)).status).toBe(403);
    expect((await send('DELETE', `/api/action-sheets/${id}`, 'team')).status).toBe(403);
    expect((await send('PUT', `/api/action-sheets/${id}`, 'director', { ...content, summary: 'court' })).status).toBe(400);

    expect((await send('POST', `/api/action-sheets/${id}/unpublish`, 'director')).body.state).toBe('draft');
    expect((await get(`/api/action-sheets/${id}`)).status).toBe(404);
    expect((await send('DELETE', `/api/action-sheets/${id}`, 'team')).status).toBe(200);
    expect((await get(`/api/action-sheets/${id}`, 'director')).status).toBe(404);
    const audit = await database.db.selectFrom('audit_events').select('action').where('entity', '=', 'action_sheet').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['action_sheet.create', 'action_sheet.edit', 'action_sheet.publish', 'action_sheet.unpublish', 'action_sheet.delete']);
  });

  it('an incomplete draft cannot be published; bad input changes nothing', async () => {
    const created = await send('POST', `/api/structures/${centreId}/action-sheets`, 'director', { title: 'Idée en cours' });
    expect(created.status).toBe(201);
    const refused = await send('POST', `/api/action-sheets/${created.body.id}/publish`, 'director');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Avant de publier, ajoutez au moins un thème, une description/);
    const before = await database.db.selectFrom('action_sheets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const bad of [{ title: 'x' }, { ...content, themes: ['inconnu'] }, { ...content, keywords: Array(13).fill('a') }]) {
      const r = await send('POST', `/api/structures/${centreId}/action-sheets`, 'director', bad);
      expect(r.status).toBe(400);
    }
    const after = await database.db.selectFrom('action_sheets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('drafts of a structure are refused to outsiders asking for them', async () => {
    expect((await get(`/api/action-sheets?structure=${centreId}&drafts=1`)).status).toBe(401);
    expect((await get(`/api/action-sheets?structure=${otherId}&drafts=1`, 'team')).status).toBe(403);
    expect((await get(`/api/action-sheets?structure=${otherId}&drafts=1`, 'national')).status).toBe(200);
    expect((await get('/api/action-sheets?drafts=1', 'national')).status).toBe(400);
  });
});
