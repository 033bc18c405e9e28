import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { testClient } from '../../../testing/http';
import { suppressionRules } from '../../../domain/disclosure';
import { projectToMap, departementShapes, shapeBBox } from '../../../domain/charts/map';

let database: Database$;
let client: ReturnType<typeof testClient>;
const get = async (path: string) => {
  const res = await client.request(path);
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
});
afterAll(() => database?.close());

interface Cell { state: string; value?: number; n?: number; rule?: string }
interface Figure { indicator: string; stat: string; territory: { level: string; code: string }; cell: Cell }

describe('GET /api/stats/departement-map', () => {
  it('gives every département the very cell the département dashboard publishes, the three states kept', async () => {
    const { status, body } = await get('/api/stats/departement-map?year=2024&indicator=participation.benevoles');
    expect(status).toBe(200);
    expect(body.stat).toBe('sum');
    expect(body.departements.length).toBeGreaterThanOrEqual(96);
    const states = new Set(body.departements.map((d: { cell: Cell }) => d.cell.state));
    expect(states.has('value')).toBe(true);
    for (const d of body.departements as { cell: Cell }[]) if (d.cell.state === 'suppressed') expect(suppressionRules).toContain(d.cell.rule);
    for (const code of ['69', '13']) {
      const dash = await get(`/api/stats/dashboard?year=2024&level=departement&code=${code}`);
      const f = (dash.body.figures as Figure[]).find((x) => x.indicator === 'participation.benevoles' && x.stat === 'sum' && x.territory.code === code)!;
      expect(body.departements.find((d: { code: string }) => d.code === code).cell).toEqual(f.cell);
    }
  });

  it('keeps to a région’s départements and refuses what the dashboard does not publish, in French', async () => {
    const { body } = await get('/api/stats/departement-map?year=2024&indicator=actions.familles.oui&region=84');
    expect(body.stat).toBe('share');
    expect(body.departements.map((d: { code: string }) => d.code)).toContain('69');
    expect(body.departements).toHaveLength(12);
    const bad = await get('/api/stats/departement-map?year=2024&indicator=identite.nom_inconnu');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Indicateur/);
    const badStat = await get('/api/stats/departement-map?year=2024&indicator=actions.familles.oui&stat=median');
    expect(badStat.status).toBe(400);
    expect((await get('/api/stats/departement-map?year=2024&indicator=participation.benevoles&region=99')).status).toBe(404);
  });
});

describe('GET /api/structures-map', () => {
  it('lists directory points only, and they land in their département on the map', async () => {
    const { status, body } = await get('/api/structures-map');
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(10);
    // Every demo commune has coordinates, the overseas ones included (GeoNames files them under GP, MQ, GF, RE, YT).
    expect(body.withoutCoordinates).toBe(0);
    const overseas = await database.db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n')).where('departement_code', 'like', '97%').executeTakeFirstOrThrow();
    const guadeloupe = await get('/api/structures-map?region=01');
    if (Number(overseas.n) > 0) expect(guadeloupe.body.total + (await get('/api/structures-map?region=04')).body.total + (await get('/api/structures-map?region=02')).body.total
      + (await get('/api/structures-map?region=03')).body.total + (await get('/api/structures-map?region=06')).body.total).toBe(Number(overseas.n));
    expect(Object.keys(body.items[0]).sort()).toEqual(['communeName', 'departementCode', 'id', 'kind', 'lat', 'lon', 'name']);
    const shapes = new Map(departementShapes().map((s) => [s.code, s]));
    let inBox = 0; let placed = 0;
    for (const s of body.items as { lon: number; lat: number; departementCode: string }[]) {
      const p = projectToMap(s.lon, s.lat); const shape = shapes.get(s.departementCode);
      if (!p || !shape) continue;
      placed++;
      const b = shapeBBox(shape);
      if (p[0] >= b.minX - 2 && p[0] <= b.maxX + 2 && p[1] >= b.minY - 2 && p[1] <= b.maxY + 2) inBox++;
    }
    expect(placed).toBeGreaterThan(10);
    expect(inBox / placed).toBeGreaterThan(0.97);
    const rhone = await get('/api/structures-map?departement=69&kind=CS');
    expect(rhone.body.items.every((s: { departementCode: string; kind: string }) => s.departementCode === '69' && s.kind === 'CS')).toBe(true);
    expect((await get('/api/structures-map?kind=XX')).status).toBe(400);
  });
});
