import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { haversineKm } from '../../../domain/peers/distance';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
const headers: Record<string, Record<string, string>> = {};
const send = (method: string, path: string, who: string, body?: unknown) => client.request(path, {
  method, headers: { 'content-type': 'application/json', ...headers[who] }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  for (const k of ['director', 'team', 'board', 'caf69', 'national'] as const) headers[k] = await client.loginAs(DEMO[k]);
});
afterAll(() => database?.close());

describe('declared partners', () => {
  it('the demo centre has seeded partners, not shared until its director decides', async () => {
    const res = await send('GET', `/api/structures/${centreId}/partners`, 'caf69');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.partners.length).toBeGreaterThanOrEqual(2);
    expect(body.sharing.shared).toBe(false);
    expect(body.can).toEqual({ edit: false, share: false });
    expect((await (await send('GET', `/api/structures/${centreId}/partners`, 'director')).json()).can).toEqual({ edit: true, share: true });
  });

  it('the team declares, edits and removes a partner; a bad SIRET changes nothing and is explained in French', async () => {
    const before = (await (await send('GET', `/api/structures/${centreId}/partners`, 'team')).json()).partners.length;
    const bad = await send('POST', `/api/structures/${centreId}/partners`, 'team', { kind: 'bailleurs', name: 'Lyon Métropole Habitat', siret: '12345678901234', themes: ['logement'] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/SIRET .* n’est pas valide/);
    const created = await send('POST', `/api/structures/${centreId}/partners`, 'team', { kind: 'bailleurs', name: ' Lyon  Métropole Habitat ', siret: '73282932000074', themes: ['logement', 'isolement'] });
    expect(created.status).toBe(201);
    const p = await created.json();
    expect(p).toMatchObject({ kind: 'bailleurs', name: 'Lyon Métropole Habitat', siret: '73282932000074', themes: ['logement', 'isolement'] });
    const edited = await send('PUT', `/api/structures/${centreId}/partners/${p.id}`, 'board', { kind: 'bailleurs', name: 'Lyon Métropole Habitat', themes: ['logement'] });
    expect(edited.status).toBe(200);
    expect((await edited.json()).siret).toBeNull();
    expect((await send('PUT', `/api/structures/${centreId}/partners/${p.id}`, 'caf69', { kind: 'bailleurs', name: 'X y', themes: [] })).status).toBe(403);
    expect((await send('DELETE', `/api/structures/${centreId}/partners/${p.id + 100000}`, 'team')).status).toBe(404);
    expect((await send('DELETE', `/api/structures/${centreId}/partners/${p.id}`, 'team')).status).toBe(200);
    expect((await (await send('GET', `/api/structures/${centreId}/partners`, 'team')).json()).partners.length).toBe(before);
  });

  it('only the director toggles sharing', async () => {
    expect((await send('POST', `/api/structures/${centreId}/partner-sharing`, 'team', { shared: true })).status).toBe(403);
    expect((await send('POST', `/api/structures/${centreId}/partner-sharing`, 'national', { shared: true })).status).toBe(403);
    const ok = await send('POST', `/api/structures/${centreId}/partner-sharing`, 'director', { shared: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ shared: true, decidedBy: expect.any(String) });
    await send('POST', `/api/structures/${centreId}/partner-sharing`, 'director', { shared: false });
  });
});

describe('partner search and network', () => {
  it('finds structures near the centre working with the CAF: only sharing ones, within the radius, nearest first', async () => {
    const res = await send('GET', `/api/partners/search?kind=caf&km=50`, 'director');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.origin).toMatchObject({ id: centreId });
    const shared = new Set((await database.db.selectFrom('partner_sharing').select('structure_id').where('shared', '=', true).execute()).map((r) => r.structure_id));
    const centre = await database.db.selectFrom('structures').select(['lat', 'lon']).where('id', '=', centreId).executeTakeFirstOrThrow();
    let last = 0;
    for (const hit of body.items) {
      expect(shared.has(hit.structure.id)).toBe(true);
      expect(hit.structure.distanceKm).toBeLessThanOrEqual(50);
      expect(hit.structure.distanceKm).toBeGreaterThanOrEqual(last);
      last = hit.structure.distanceKm;
      const s = await database.db.selectFrom('structures').select(['lat', 'lon']).where('id', '=', hit.structure.id).executeTakeFirstOrThrow();
      expect(hit.structure.distanceKm).toBeCloseTo(haversineKm({ lat: centre.lat!, lon: centre.lon! }, { lat: s.lat!, lon: s.lon! }), 0);
      for (const p of hit.partners) expect(p.kind).toBe('caf');
    }
    expect(body.items.length).toBeGreaterThan(0);
  });

  it('the centre’s partners appear in others’ searches only once its director shares them', async () => {
    const name = 'Régie de quartier témoin';
    await send('POST', `/api/structures/${centreId}/partners`, 'team', { kind: 'associations', name, themes: ['emploi'] });
    const search = async () => (await (await send('GET', `/api/partners/search?q=${encodeURIComponent('regie temoin')}`, 'caf69')).json()).items;
    expect(await search()).toEqual([]);
    await send('POST', `/api/structures/${centreId}/partner-sharing`, 'director', { shared: true });
    const hits = await search();
    expect(hits.map((h: { structure: { id: number } }) => h.structure.id)).toEqual([centreId]);
    const net = await (await send('GET', '/api/partners/network?departement=69', 'caf69')).json();
    expect(net.partners.some((r: { name: string }) => r.name === name)).toBe(true);
    await send('POST', `/api/structures/${centreId}/partner-sharing`, 'director', { shared: false });
    expect(await search()).toEqual([]);
  });

  it('the network of the Rhône links sharing structures to merged partners, with its table', async () => {
    const res = await send('GET', '/api/partners/network?departement=69&kind=caf', 'team');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.territory).toMatchObject({ code: '69', name: 'Rhône' });
    // Every sharing structure of the Rhône declares the CAF of the Rhône: one merged partner node (or a few with SIRETs).
    expect(body.partners.length).toBeLessThanOrEqual(3);
    expect(body.links.length).toBe(body.partners.reduce((n: number, r: { structures: unknown[] }) => n + r.structures.length, 0));
    expect(body.nodes.filter((n: { kind: string }) => n.kind === 'structure').length).toBe(body.structures);
  });

  it('refuses visitors, bad kinds and distances without a located start, in French', async () => {
    expect((await client.request('/api/partners/search')).status).toBe(401);
    const bad = await send('GET', '/api/partners/search?kind=banque', 'director');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/Type de partenaire inconnu/);
    const noOrigin = await send('GET', '/api/partners/search?km=20', 'caf69');
    expect(noOrigin.status).toBe(400);
    expect((await noOrigin.json()).error.message).toMatch(/structure de départ/);
  });
});
