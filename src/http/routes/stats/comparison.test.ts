import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { TEST_PASSWORD } from '../../../testing/template';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { insertMembership, insertUser } from '../../../db/user.repo';
import { hashPassword } from '../../../app/infra/passwords';
import { dashboardIndicators } from '../../../domain/dashboardIndicators';
import { suppressionRules } from '../../../domain/disclosure';

let database: Database$;
let client: ReturnType<typeof testClient>;
let centreId: number;
let director: Record<string, string>;
let team: Record<string, string>;

const json = (method: string, headers: Record<string, string>, body?: unknown): RequestInit =>
  ({ method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await client.request(path, { headers });
  return { status: res.status, body: await res.json(), text: '' };
};

/** A new user directing a structure, logged in. */
async function directorOf(structureId: number, email: string) {
  const id = await insertUser(database.db, { email, name: `Direction ${structureId}`, passwordHash: await hashPassword(TEST_PASSWORD) });
  await insertMembership(database.db, id, { role: 'director', structureId });
  return client.loginAs(email);
}

/** Published answers (validated or locked) of a year, as plain rows: the recomputation's input. */
async function publishedRows(year: number) {
  const { rows } = await sql<{ id: number; region_code: string; departement_code: string; code: string; value: unknown }>`
    select s.id, s.region_code, s.departement_code, a.code, a.value from answers a
    join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id join structures s on s.id = r.structure_id
    where k.year = ${year} and r.state in ('validated', 'locked')`.execute(database.db);
  return rows;
}

const plain = (xs: number[], stat: string) => {
  const s = [...xs].sort((a, b) => a - b);
  // The documented smoothed quantile: mean of the three values around rank round((n − 1)·p).
  const q = (p: number) => {
    if (s.length < 3) return s.reduce((a, b) => a + b, 0) / s.length;
    const c = Math.min(s.length - 2, Math.max(1, Math.round((s.length - 1) * p)));
    return (s[c - 1] + s[c] + s[c + 1]) / 3;
  };
  const total = xs.reduce((a, b) => a + b, 0);
  return stat === 'count' ? xs.length : stat === 'sum' ? total : stat === 'mean' || stat === 'share' ? total / xs.length
    : stat === 'median' ? q(0.5) : stat === 'q1' ? q(0.25) : q(0.75);
};

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  [director, team] = await Promise.all([client.loginAs(DEMO.director), client.loginAs(DEMO.team)]);
});
afterAll(() => database?.close());

interface Cell { state: string; value?: number; n?: number; rule?: string }
interface Figure { indicator: string; stat: string; territory: { level: string; code: string }; cell: Cell; change: unknown }

describe('GET /api/stats/dashboard', () => {
  it('publishes, for every value cell of the nation and its regions, exactly the plain recomputation over validated answers', async () => {
    const { status, body } = await get('/api/stats/dashboard?year=2024&level=nation');
    expect(status).toBe(200);
    expect(body.indicators).toHaveLength(dashboardIndicators.length);
    const rows = await publishedRows(2024);
    let checked = 0, suppressed = 0;
    for (const f of body.figures as Figure[]) {
      const inT = rows.filter((r) => r.code === f.indicator && r.value !== null && (typeof r.value === 'number' || typeof r.value === 'boolean')
        && (f.territory.level === 'nation' || r.region_code === f.territory.code));
      const xs = inT.map((r) => (r.value === true ? 1 : r.value === false ? 0 : (r.value as number)));
      if (xs.length === 0) { expect(f.cell).toEqual({ state: 'suppressed', rule: 'min_size' }); continue; }
      if (f.cell.state === 'suppressed') { expect(suppressionRules).toContain(f.cell.rule); suppressed++; continue; }
      expect(f.cell.state).toBe('value');
      expect(f.cell.n, `${f.indicator} ${f.territory.code}`).toBe(xs.length);
      expect(f.cell.value).toBeCloseTo(plain(xs, f.stat), 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(suppressed, 'small regions of the test campaign are suppressed').toBeGreaterThan(0);
    expect(body.children.length).toBeGreaterThan(10);
  });

  it('shows a département with the rule of each suppressed cell, and the change from the previous year from published cells', async () => {
    const { status, body } = await get('/api/stats/dashboard?year=2024&level=region&code=84');
    expect(status).toBe(200);
    expect(body.previousYear).toBe(2023);
    const figures = body.figures as Figure[];
    expect(new Set(figures.map((f) => f.territory.code))).toContain('69');
    const suppressedCells = figures.filter((f) => f.cell.state === 'suppressed');
    expect(suppressedCells.length).toBeGreaterThan(0);
    for (const f of suppressedCells) expect(Object.keys(f.cell).sort()).toEqual(['rule', 'state']);
    const before = (await get('/api/stats/dashboard?year=2023&level=region&code=84')).body.figures as Figure[];
    const withChange = figures.filter((f) => f.change !== null);
    expect(withChange.length).toBeGreaterThan(0);
    for (const f of withChange) {
      const prev = before.find((b) => b.indicator === f.indicator && b.stat === f.stat && b.territory.code === f.territory.code)!;
      expect(prev.cell.state).toBe('value');
      expect((f.change as { absolute: number }).absolute).toBeCloseTo(f.cell.value! - prev.cell.value!, 6);
    }
  });

  it('publishes from releases only: an open year is not published, a validation moves nothing, a new release holds back what changed for one structure', async () => {
    const open = await get('/api/stats/dashboard?year=2025&level=nation');
    expect(open.status).toBe(404);
    expect(open.body.error.code).toBe('not_published');
    const nationCount = async () => {
      const { body } = await get('/api/stats/dashboard?year=2024&level=nation');
      return (body.figures as Figure[]).find((f) => f.indicator === 'finances.produits' && f.stat === 'count' && f.territory.level === 'nation')!.cell;
    };
    const released = (await sql<{ n: number }>`select count(*)::int as n from answers a join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id
      where k.year = 2024 and a.code = 'finances.produits' and r.state in ('validated', 'locked')`.execute(database.db)).rows[0].n;
    expect(await nationCount()).toMatchObject({ state: 'value', n: released });
    // One locked 2024 response is corrected by an import of the national administration (its income changes),
    // as production does it: the public figure does not move.
    const other = await sql<{ id: number; siret: string; value: unknown }>`select r.id, s.siret, a.value from responses r join campaigns k on k.id = r.campaign_id
      join structures s on s.id = r.structure_id join answers a on a.response_id = r.id
      where k.year = 2024 and r.state = 'locked' and a.code = 'finances.produits' and s.siret is not null limit 1`.execute(database.db);
    expect(other.rows.length).toBe(1);
    const publishedFigures = async () => (await get('/api/stats/dashboard?year=2024&level=nation')).body.figures as Figure[];
    const figuresBefore = await publishedFigures();
    // Figures that a live read would move: the national total of the income, and the corrected value differs.
    expect(figuresBefore.find((f) => f.indicator === 'finances.produits' && f.stat === 'sum' && f.territory.level === 'nation')?.cell.state).toBe('value');
    expect(other.rows[0].value).not.toBe(123456.5);
    const national = await client.loginAs(DEMO.national);
    const imported = await client.request('/api/campaigns/2024/responses/import', {
      method: 'POST', headers: { ...national, 'content-type': 'text/csv' }, body: `siret,finances.produits\n${other.rows[0].siret},123456.5\n`,
    });
    const report = await imported.json();
    expect(imported.status, JSON.stringify(report)).toBe(200);
    expect(report).toMatchObject({ written: 1, stored: true });
    const stored = await database.db.selectFrom('answers').select('value').where('response_id', '=', other.rows[0].id).where('code', '=', 'finances.produits').executeTakeFirstOrThrow();
    expect(stored.value).toBe(123456.5);
    expect(await nationCount()).toMatchObject({ state: 'value', n: released });
    expect(await publishedFigures()).toEqual(figuresBefore);
    // A correction release, published through its route: the national count changed for one structure only, so it is held back.
    const release = await client.request('/api/releases/2024', json('POST', national, { note: 'Correction' }));
    expect(release.status, await release.clone().text()).toBe(201);
    expect(await nationCount()).toEqual({ state: 'suppressed', rule: 'release' });
  });

  it('opens the working view to those who follow the territory only, marking unvalidated responses', async () => {
    const caf = await client.loginAs(DEMO.caf69);
    const mine = await get('/api/stats/dashboard?year=2025&level=departement&code=69&view=working', caf);
    expect(mine.status).toBe(200);
    expect(mine.body.unvalidated['departement:69']).toBeGreaterThan(0);
    expect((await get('/api/stats/dashboard?year=2025&level=departement&code=13&view=working', caf)).status).toBe(403);
    expect((await get('/api/stats/dashboard?year=2025&level=departement&code=69&view=working', director)).status).toBe(403);
    expect((await get('/api/stats/dashboard?year=2025&level=departement&code=69&view=working')).status).toBe(401);
  });

  it('refuses bad input with a French message and a stable code', async () => {
    for (const [qs, code] of [['year=abc', 'validation_failed'], ['year=2024&level=canton', 'validation_failed'], ['year=2024&level=region', 'validation_failed'],
      ['year=2024&level=region&code=99', 'not_found'], ['year=2031', 'not_found']] as const) {
      const { status, body } = await get(`/api/stats/dashboard?${qs}`);
      expect(body.error?.code, qs).toBe(code);
      expect(status).toBeLessThan(500);
      expect(body.error.message).toMatch(/[a-zé]/);
    }
  });
});

describe('POST /api/stats/query', () => {
  const query = (body: unknown, headers: Record<string, string> = {}) => client.request('/api/stats/query', json('POST', headers, body));

  it('answers a flexible query with perturbed but bounded figures, and a year-over-year change', async () => {
    // Régions: a département's CS can be hidden by the complement rule (the other départements of its région
    // hold 1–4 CS in the small test demo), which is the gate's business, not this test's.
    const res = await query({ year: 2024, indicators: ['finances.produits'], level: 'region', territories: ['84', '93'], filters: [{ dimension: 'kind', value: 'CS' }], stats: ['count', 'sum'] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.previousYear).toBe(2023);
    const rows = await publishedRows(2024);
    const kinds = new Map((await database.db.selectFrom('structures').select(['id', 'kind']).execute()).map((s) => [s.id, s.kind]));
    for (const f of body.figures as Figure[]) {
      const xs = rows.filter((r) => r.code === 'finances.produits' && r.region_code === f.territory.code && kinds.get(r.id) === 'CS').map((r) => r.value as number);
      if (f.cell.state !== 'value') continue;
      if (f.stat === 'count') expect(Math.abs(f.cell.value! - xs.length)).toBeLessThanOrEqual(2);
      if (f.stat === 'sum') {
        const t = plain(xs, 'sum');
        expect(Math.abs(f.cell.value! - t) / t).toBeLessThan(0.31);
      }
    }
    expect((body.figures as Figure[]).some((f) => f.cell.state === 'value')).toBe(true);
  });

  it('refuses more than 3 filters, unknown values and unknown indicators, in French', async () => {
    const four = [{ dimension: 'kind', value: 'CS' }, { dimension: 'qpv', value: 'inside' }, { dimension: 'town_size', value: 'lt_2k' }, { dimension: 'management', value: 'caf' }];
    const cases: [unknown, RegExp][] = [
      [{ year: 2024, indicators: ['finances.produits'], level: 'region', filters: four }, /Au plus 3 filtres/],
      [{ year: 2024, indicators: ['finances.produits'], level: 'region', filters: [{ dimension: 'kind', value: 'XX' }] }, /Valeur inconnue/],
      [{ year: 2024, indicators: ['finances.produits'], level: 'region', filters: [{ dimension: 'kind', value: 'CS' }, { dimension: 'kind', value: 'EVS' }] }, /qu’une fois/],
      [{ year: 2024, indicators: ['finances.inconnu'], level: 'region' }, /Indicateur inconnu/],
      [{ year: 2024, indicators: ['finances.produits'], level: 'region', stats: ['share'] }, /Statistique non disponible/],
      [{ year: 2024, indicators: [], level: 'region' }, /au moins un indicateur/],
    ];
    for (const [body, message] of cases) {
      const res = await query(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(['validation_failed', 'bad_request']).toContain(error.code);
      expect(error.message).toMatch(message);
    }
  });
});

describe('GET /api/structures/:id/position', () => {
  it('shows the director her value, her frozen neighbours with reasons (no values) and the group quartiles', async () => {
    const { status, body } = await get(`/api/structures/${centreId}/position?year=2024&indicators=finances.produits,rh.etp.animation,actions.culture.oui`, director);
    expect(status).toBe(200);
    const own = (await sql<{ value: number }>`select a.value from answers a join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id
      where r.structure_id = ${centreId} and k.year = 2024 and a.code = 'finances.produits'`.execute(database.db)).rows[0].value;
    const produits = body.indicators.find((i: { code: string }) => i.code === 'finances.produits');
    expect(produits.value).toBe(own);
    expect(Object.keys(produits.group).sort()).toEqual(['count', 'median', 'q1', 'q3']);
    const neighbours = body.peers.neighbours as { id: number; name: string; reasons: Record<string, string> }[];
    expect(neighbours.length).toBeGreaterThan(5);
    expect(neighbours.length).toBeLessThanOrEqual(15);
    for (const n of neighbours) {
      expect(n.id).not.toBe(centreId);
      expect(n.reasons.kind).toBe('same');
      for (const v of Object.values(n.reasons)) expect(['same', 'different', 'close', 'comparable', 'far', 'unknown']).toContain(v);
    }
    if (produits.group.median.state === 'value') expect(['below_q1', 'q1_to_median', 'median_to_q3', 'above_q3']).toContain(produits.position);
    expect(body.evolution[0].years.map((y: { year: number }) => y.year)).toEqual([2023, 2024]);
    // The evolution carries the group's quartiles for numeric indicators (the band), only the share for yes/no.
    expect(Object.keys(body.evolution[0].years[1]).sort()).toEqual(['group', 'q1', 'q3', 'value', 'year']);
    expect(body.evolution[0].years[1].q1).toEqual(produits.group.q1);
    expect(Object.keys(body.evolution[2].years[1]).sort()).toEqual(['group', 'value', 'year']);
    // Frozen: the same group on the next call, and in the table.
    const again = await get(`/api/structures/${centreId}/position?year=2024&indicators=finances.produits`, team);
    expect(again.body.peers.neighbours.map((n: { id: number }) => n.id)).toEqual(neighbours.map((n) => n.id));
    const frozen = await database.db.selectFrom('peer_groups').innerJoin('campaigns', 'campaigns.id', 'peer_groups.campaign_id')
      .select('neighbour_id').where('structure_id', '=', centreId).where('campaigns.year', '=', 2024).orderBy('rank').execute();
    expect(frozen.map((f) => f.neighbour_id)).toEqual(neighbours.map((n) => n.id));
    // No neighbour's value appears anywhere in the answer.
    const text = JSON.stringify(body);
    const theirs = await sql<{ value: number }>`select a.value from answers a join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id
      where k.year = 2024 and a.code in ('finances.produits', 'rh.etp.animation') and r.structure_id in (${sql.join(neighbours.map((n) => n.id))})`.execute(database.db);
    for (const t of theirs.rows) if (t.value !== own && typeof t.value === 'number' && t.value > 100) expect(text).not.toContain(String(t.value));
    expect(text).not.toMatch(/cell_?key/i);
  });

  it('compares with structures within a distance band and with band filters; refuses free radii and a 4th filter', async () => {
    const near = await get(`/api/structures/${centreId}/position?year=2024&indicators=finances.produits&peers=distance&km=20`, director);
    expect(near.status).toBe(200);
    expect(near.body.peers).toMatchObject({ kind: 'distance', km: 20 });
    expect(['value', 'suppressed', 'no_data']).toContain(near.body.indicators[0].group.median.state);
    const banded = await get(`/api/structures/${centreId}/position?year=2024&indicators=finances.produits&peers=filters&filters=kind:CS,territory_type:urban`, director);
    expect(banded.status).toBe(200);
    expect(banded.body.indicators[0].group.count.state).not.toBe('no_data');
    for (const qs of ['peers=distance&km=12', 'peers=distance', 'peers=filters&filters=kind:CS,qpv:inside,town_size:lt_2k,management:caf', 'peers=filters&filters=kind:XX', 'indicators=rh.convention']) {
      const r = await get(`/api/structures/${centreId}/position?year=2024&${qs}`, director);
      expect(r.status, qs).toBe(400);
      expect(r.body.error.message).toMatch(/[a-zé]/);
    }
  });

  it('is private to the structure and those who follow its territory', async () => {
    const other = (await database.db.selectFrom('structures').select('id').where('departement_code', '=', '13').limit(1).executeTakeFirstOrThrow()).id;
    expect((await get(`/api/structures/${other}/position?year=2024`, director)).status).toBe(403);
    expect((await get(`/api/structures/${centreId}/position?year=2024`)).status).toBe(401);
    expect((await get(`/api/structures/${centreId}/position?year=2024`, await client.loginAs(DEMO.caf69))).status).toBe(200);
    expect((await get(`/api/structures/999999/position?year=2024`, director)).status).toBe(404);
  });
});

describe('joint consent and the named comparison', () => {
  it('shows names and values only between structures that both accepted, until one withdraws; every step in the ledger', async () => {
    const others = await database.db.selectFrom('structures').select(['id', 'name']).where('departement_code', '=', '69').where('id', '!=', centreId)
      .orderBy('id').limit(3).execute();
    const [a, b, c] = others;
    const [dirA, dirB, dirC] = [await directorOf(a.id, 'dir-a@test.senacs'), await directorOf(b.id, 'dir-b@test.senacs'), await directorOf(c.id, 'dir-c@test.senacs')];
    const named = async (id: number, h: Record<string, string>) => (await get(`/api/structures/${id}/named-comparison?year=2024&indicators=finances.produits`, h)).body;

    const ask = await client.request(`/api/structures/${centreId}/consents`, json('POST', director, { targetIds: [a.id, b.id] }));
    expect(ask.status).toBe(201);
    const { items } = await ask.json();
    const reqA = items.find((i: { targetId: number }) => i.targetId === a.id).id;
    const reqB = items.find((i: { targetId: number }) => i.targetId === b.id).id;
    expect((await named(centreId, director)).structures.map((s: { id: number }) => s.id)).toEqual([centreId]);

    // Only the target's director decides; a third structure's director does not even see the request.
    expect((await client.request(`/api/consents/${reqA}/accept`, json('POST', dirC))).status).toBe(404);
    expect((await client.request(`/api/consents/${reqA}/accept`, json('POST', director))).status).toBe(403);
    expect((await client.request(`/api/consents/${reqA}/accept`, json('POST', team))).status).toBe(404);
    expect((await client.request(`/api/consents/${reqA}/accept`, json('POST', dirA))).status).toBe(200);
    expect((await client.request(`/api/consents/${reqA}/accept`, json('POST', dirA))).status).toBe(409);
    expect((await client.request(`/api/consents/${reqB}/refuse`, json('POST', dirB))).status).toBe(200);

    const mine = await named(centreId, director);
    expect(mine.structures.map((s: { id: number }) => s.id)).toEqual([centreId, a.id]);
    const aValue = (await sql<{ value: number }>`select a.value from answers a join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id
      where r.structure_id = ${a.id} and k.year = 2024 and a.code = 'finances.produits' and r.state in ('validated', 'locked')`.execute(database.db)).rows[0]?.value ?? null;
    expect(mine.structures[1]).toMatchObject({ name: a.name, values: { 'finances.produits': aValue } });
    expect((await named(a.id, dirA)).structures.map((s: { id: number }) => s.id)).toEqual([a.id, centreId]);
    expect((await named(b.id, dirB)).structures.map((s: { id: number }) => s.id)).toEqual([b.id]);
    expect((await named(c.id, dirC)).structures.map((s: { id: number }) => s.id)).toEqual([c.id]);
    expect((await get(`/api/structures/${centreId}/named-comparison?year=2024`, dirC)).status).toBe(403);
    expect((await get(`/api/structures/${centreId}/named-comparison?year=2024`, team)).status).toBe(403);

    // A second request for a live pair is refused, either way round; the structure itself cannot be asked.
    expect((await client.request(`/api/structures/${a.id}/consents`, json('POST', dirA, { targetIds: [centreId] }))).status).toBe(409);
    expect((await client.request(`/api/structures/${centreId}/consents`, json('POST', director, { targetIds: [centreId] }))).status).toBe(400);
    expect((await client.request(`/api/structures/${centreId}/consents`, json('POST', director, { targetIds: [] }))).status).toBe(400);
    expect((await client.request(`/api/structures/${centreId}/consents`, json('POST', dirC, { targetIds: [a.id] }))).status).toBe(403);

    expect((await client.request(`/api/consents/${reqA}/withdraw`, json('POST', dirA))).status).toBe(200);
    expect((await named(centreId, director)).structures.map((s: { id: number }) => s.id)).toEqual([centreId]);
    expect((await client.request(`/api/consents/${reqA}/withdraw`, json('POST', director))).status).toBe(409);

    const list = (await get(`/api/structures/${centreId}/consents`, director)).body;
    expect(list.requests.map((r: { id: number; state: string }) => [r.id, r.state]).sort()).toEqual([[reqA, 'withdrawn'], [reqB, 'refused']].sort());
    expect(list.ledger.map((l: { requestId: number; action: string; structureId: number }) => [l.requestId, l.action, l.structureId])).toEqual([
      [reqA, 'request', centreId], [reqB, 'request', centreId], [reqA, 'grant', a.id], [reqB, 'refuse', b.id], [reqA, 'withdraw', a.id],
    ]);
    expect((await get(`/api/structures/${centreId}/consents`, dirC)).status).toBe(403);
    await expect(sql`delete from consent_ledger`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('lets a director ask only nearby structures (≤ 50 km or frozen neighbours), refusing the others with consent_not_nearby and writing nothing', async () => {
    // Viewing the position freezes the nearest-neighbour group, which may reach far beyond 50 km.
    expect((await get(`/api/structures/${centreId}/position?year=2024&indicators=finances.produits`, director)).status).toBe(200);
    const { candidates } = (await get(`/api/structures/${centreId}/consents`, director)).body as { candidates: { id: number; km: number | null; neighbour: boolean; name: string }[] };
    expect(candidates.length).toBeGreaterThan(3);
    expect(candidates.map((c) => c.id)).not.toContain(centreId);
    for (const c of candidates) expect(c.neighbour || (c.km !== null && c.km <= 50), JSON.stringify(c)).toBe(true);
    expect(candidates.every((c) => c.name.length > 0)).toBe(true);
    const farNeighbour = candidates.find((c) => c.neighbour && (c.km === null || c.km > 50));
    expect(farNeighbour, 'the test campaign has a frozen neighbour beyond 50 km').toBeDefined();

    const marseille = (await database.db.selectFrom('structures').select('id').where('departement_code', '=', '13').orderBy('id').execute())
      .map((s) => s.id).filter((id) => !candidates.some((c) => c.id === id));
    const before = (await sql<{ n: number }>`select count(*)::int as n from consent_ledger`.execute(database.db)).rows[0].n;
    const near = candidates.find((c) => !c.neighbour)!;
    const refused = await client.request(`/api/structures/${centreId}/consents`, json('POST', director, { targetIds: [near.id, marseille[0]] }));
    expect(refused.status).toBe(400);
    const { error } = await refused.json();
    expect(error.code).toBe('consent_not_nearby');
    expect(error.message).toMatch(/structures proches : à 50 km au plus/);
    expect((await sql<{ n: number }>`select count(*)::int as n from consent_ledger`.execute(database.db)).rows[0].n).toBe(before);

    const asked = await client.request(`/api/structures/${centreId}/consents`, json('POST', director, { targetIds: [farNeighbour!.id] }));
    expect(asked.status).toBe(201);
  });
});
