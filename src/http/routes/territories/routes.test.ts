import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
beforeAll(async () => { database = await openTestDatabase(); client = testClient(database); });
afterAll(() => database?.close());

const get = async (path: string) => {
  const res = await client.request(path);
  return { status: res.status, body: await res.json() };
};

describe('territories', () => {
  it('lists the regions of the COG, sorted by name', async () => {
    const { status, body } = await get('/api/territories/regions');
    expect(status).toBe(200);
    const rows = await database.db.selectFrom('regions').select(['code', 'name']).execute();
    expect(body.total).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(body.items.map((r: { code: string }) => r.code).sort()).toEqual(rows.map((r) => r.code).sort());
    const names = body.items.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(body.items).toContainEqual({ code: '84', name: 'Auvergne-Rhône-Alpes' });
  });

  it('lists départements, all or those of one region', async () => {
    const all = await get('/api/territories/departements');
    expect(all.body.total).toBeGreaterThanOrEqual(96);
    expect(all.body.items.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['01', '13', '2A', '2B', '69', '971']));
    const ara = await get('/api/territories/departements?region=84');
    const expected = await database.db.selectFrom('departements').select('code').where('region_code', '=', '84').orderBy('code').execute();
    expect(ara.body.items.map((d: { code: string }) => d.code)).toEqual(expected.map((d) => d.code));
    expect(ara.body.items.map((d: { code: string }) => d.code)).toContain('69');
    for (const d of ara.body.items) expect(d.regionCode).toBe('84');
    expect((await get('/api/territories/departements?region=00')).body).toEqual({ items: [], total: 0 });
  });

  it('finds communes by name prefix, largest first', async () => {
    const { body } = await get('/api/territories/communes?q=Lyon');
    expect(body.items[0]).toMatchObject({ code: '69123', name: 'Lyon', departementCode: '69' });
    for (const c of body.items) expect(c.name.toLowerCase().startsWith('lyon')).toBe(true);
    const pops = body.items.map((c: { population: number }) => c.population);
    expect(pops).toEqual([...pops].sort((a: number, b: number) => b - a));
  });

  it('finds communes by INSEE code or postal code, and filters by département', async () => {
    expect((await get('/api/territories/communes?q=13055')).body.items[0]).toMatchObject({ code: '13055', name: 'Marseille' });
    const byPostal = (await get('/api/territories/communes?q=69001')).body.items;
    expect(byPostal.map((c: { code: string }) => c.code)).toContain('69123');
    const in13 = (await get('/api/territories/communes?departement=13&limit=100')).body;
    expect(in13.total).toBe(100);
    for (const c of in13.items) expect(c.departementCode).toBe('13');
    expect(in13.items[0].code).toBe('13055');
    const saint = (await get('/api/territories/communes?q=saint&departement=69&limit=5')).body;
    expect(saint.items).toHaveLength(5);
    for (const c of saint.items) { expect(c.departementCode).toBe('69'); expect(c.name.toLowerCase()).toMatch(/^saint/); }
  });

  it('honours the limit and treats % and _ as plain characters', async () => {
    expect((await get('/api/territories/communes?limit=3')).body.items).toHaveLength(3);
    expect((await get('/api/territories/communes?q=%25')).body.total).toBe(0);
    expect((await get('/api/territories/communes?q=_')).body.total).toBe(0);
  });

  it('refuses bad parameters in French', async () => {
    for (const qs of ['departements?region=8', 'communes?departement=6', 'communes?limit=0', 'communes?limit=101', 'communes?limit=abc']) {
      const { status, body } = await get(`/api/territories/${qs}`);
      expect(status, qs).toBe(400);
      expect(body.error.message).toMatch(/invalide|petit|grand|attendu/i);
    }
  });
});
