import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';

let database: Database$;
let client: ReturnType<typeof testClient>;
let lyonId: number;
beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  lyonId = (await database.db.selectFrom('structures').select('id').where('name', '=', 'Centre social de la Croix-Rousse').executeTakeFirstOrThrow()).id;
});
afterAll(() => database?.close());

interface Item { id: number; name: string; communeName: string; communeCode: string; departementCode: string; regionCode: string; kind: string; management: string; qpvStatus: string }
interface Page { items: Item[]; total: number }

const get = async (path: string) => {
  const res = await client.request(path);
  return { status: res.status, body: await res.json() };
};
const list = async (qs: string): Promise<Page> => {
  const { status, body } = await get(`/api/structures?${qs}`);
  expect(status, qs).toBe(200);
  return body;
};
/** Ids matching a SQL condition, in the directory's order. */
const idsWhere = async (where: ReturnType<typeof sql>) =>
  (await sql<{ id: number }>`select s.id from structures s join communes c on c.code = s.commune_code where ${where} order by lower(s.name), s.id`.execute(database.db)).rows.map((r) => r.id);

describe('GET /api/structures', () => {
  it('lists the whole directory with the total of a direct count', async () => {
    const page = await list('');
    const n = (await sql<{ n: number }>`select count(*)::int as n from structures`.execute(database.db)).rows[0].n;
    expect(page.total).toBe(Number(n));
    expect(page.items).toHaveLength(Math.min(50, Number(n)));
    expect(Number(n)).toBeGreaterThan(50);
  });

  it('finds a structure by part of its name, whatever the case', async () => {
    const page = await list('q=croix-rousse');
    expect(page.items.map((i) => i.id)).toContain(lyonId);
    for (const i of page.items) expect(`${i.name} ${i.communeName}`.toLowerCase()).toContain('croix-rousse');
  });

  it('finds structures by commune name, with the total of the same SQL search', async () => {
    const page = await list('q=Marseille&pageSize=200');
    const expected = await idsWhere(sql`(s.name ilike '%marseille%' or c.name ilike '%marseille%' or s.postal_code like '%Marseille%')`);
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(page.items.map((i) => i.id)).toEqual(expected);
  });

  it('treats % and _ in a search as plain characters', async () => {
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
    expect((await list('q=%25%25%25')).total).toBe(0);
  });

  it('filters by département, region, commune, kind, management and QPV status', async () => {
    const cases: [string, ReturnType<typeof sql>][] = [
      ['departement=69', sql`s.departement_code = '69'`],
      ['departement=13', sql`s.departement_code = '13'`],
      ['region=84', sql`s.region_code = '84'`],
      ['commune=69123', sql`s.commune_code = '69123'`],
      ['kind=EVS', sql`s.kind = 'EVS'`],
      ['kind=CS&departement=13', sql`s.kind = 'CS' and s.departement_code = '13'`],
      ['management=association&region=93', sql`s.management = 'association' and s.region_code = '93'`],
      ['qpv=none&departement=69', sql`s.qpv_status = 'none' and s.departement_code = '69'`],
    ];
    for (const [qs, where] of cases) {
      const page = await list(`${qs}&pageSize=200`);
      const expected = await idsWhere(where);
      expect(page.total, qs).toBe(expected.length);
      expect(page.items.map((i) => i.id), qs).toEqual(expected);
    }
    expect((await idsWhere(sql`s.departement_code = '69'`)).length).toBeGreaterThanOrEqual(10);
  });

  it('walks pages without gaps or repeats, and the total stays the same', async () => {
    const expected = await idsWhere(sql`s.departement_code = '13'`);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / 4); page++) {
      const p = await list(`departement=13&pageSize=4&page=${page}`);
      expect(p.total).toBe(expected.length);
      seen.push(...p.items.map((i) => i.id));
    }
    expect(seen).toEqual(expected);
    const beyond = await list(`departement=13&pageSize=4&page=${Math.ceil(expected.length / 4) + 1}`);
    expect(beyond).toEqual({ items: [], total: expected.length });
  });

  it('refuses bad filters with a French message', async () => {
    for (const qs of ['departement=6', 'region=ARA', 'kind=XYZ', 'pageSize=500', 'page=0', 'commune=123']) {
      const { status, body } = await get(`/api/structures?${qs}`);
      expect(status, qs).toBe(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toMatch(/invalide|Trop|petit|grand|attendu/i);
    }
  });

  it('shows only public identity columns', async () => {
    const page = await list('pageSize=200');
    for (const i of page.items) expect(Object.keys(i)).not.toEqual(expect.arrayContaining(['cell_key']));
    expect(JSON.stringify(page)).not.toMatch(/cell_key|cellKey|password|answers/);
  });
});

describe('GET /api/structures/:id', () => {
  it('gives the public identity with the approvals of a direct query', async () => {
    const { status, body } = await get(`/api/structures/${lyonId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: lyonId, name: 'Centre social de la Croix-Rousse', communeName: 'Lyon', departementCode: '69', departementName: 'Rhône', regionCode: '84' });
    const approvals = await database.db.selectFrom('approvals').select(['kind']).where('structure_id', '=', lyonId).orderBy('starts_on').execute();
    expect(approvals.length).toBeGreaterThan(0);
    expect(body.approvals.map((a: { kind: string }) => a.kind)).toEqual(approvals.map((a) => a.kind));
    for (const a of body.approvals) expect(a).toHaveProperty('startsOn');
    expect(body).not.toHaveProperty('cell_key');
    expect(body).not.toHaveProperty('answers');
  });

  it('answers 404 in French for an unknown or impossible id', async () => {
    const max = (await database.db.selectFrom('structures').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m;
    for (const id of [String(max + 1), '0', '-1', 'abc', '1e3', '12345678901']) {
      const { status, body } = await get(`/api/structures/${id}`);
      expect(status, id).toBe(404);
      expect(body.error.code).toBe('not_found');
      expect(body.error.message).toMatch(/introuvable/i);
    }
  });
});
