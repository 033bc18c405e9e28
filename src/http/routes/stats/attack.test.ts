import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Database$ } from '../../../db/connection';
import { openTestDatabase } from '../../../testing/testDb';
import { DEMO, testClient } from '../../../testing/http';
import { DEMO_CENTRE } from '../../../domain/demo/structures';
import { loadAggregationRecords } from '../../../db/aggregation.repo';
import { defaultPolicy } from '../../../domain/disclosure';
import { filterValues, matchesFilters, type Filter, type FilterDimension } from '../../../domain/aggregation/filters';
import { indexByTerritory } from '../../../domain/aggregation/groups';
import { layoutTable } from '../../../domain/aggregation/table';
import { territoryCodeOf, type TerritoryLevel } from '../../../domain/aggregation/territory';
import type { AggregationRecord } from '../../../domain/aggregation/record';
import { propagate } from '../../../domain/disclosure/intervals';

/**
 * The API-level attacker: the director of the demo centre, knowing the public directory (and, as an oracle
 * advantage, exactly which structures answered), makes any sequence of allowed calls — flexible queries
 * with up to 3 band filters at any level, dashboards, her structure's position among neighbours, distance
 * bands and filtered peers — then tries to recover another structure's income: differencing every pair of
 * published sums whose contributor sets differ by one structure (fixed and perturbed alike), and interval
 * propagation over the lines of the dashboard's fixed table. Bounded: a few runs of at most 10 calls.
 */
const IND = 'finances.produits';
let database: Database$;
let client: ReturnType<typeof testClient>;
let director: Record<string, string>;
let centreId: number;
let records: AggregationRecord[];
let truth: Map<number, number>;

beforeAll(async () => {
  database = await openTestDatabase();
  client = testClient(database);
  director = await client.loginAs(DEMO.director);
  centreId = (await database.db.selectFrom('structures').select('id').where('name', '=', DEMO_CENTRE.name).executeTakeFirstOrThrow()).id;
  records = (await loadAggregationRecords(database.db, 2024, 'published')).records;
  truth = new Map(records.flatMap((r) => (typeof r.values[IND] === 'number' ? [[r.structureId, r.values[IND] as number] as const] : [])));
});
afterAll(() => database?.close());

interface Sum { ids: number[]; value: number; exact: boolean }
const contributorsOf = (level: TerritoryLevel, code: string, filters: readonly Filter[]) =>
  records.filter((r) => territoryCodeOf(r.attributes, level) === code && matchesFilters(r.attributes, filters) && truth.has(r.structureId)).map((r) => r.structureId).sort((a, b) => a - b);

const filterArb = fc.uniqueArray(
  fc.constantFrom(...(Object.keys(filterValues) as FilterDimension[]).filter((d) => d !== 'budget') // refused: computed from a confidential answer
    .flatMap((d) => (filterValues[d] as readonly string[]).map((value) => ({ dimension: d, value }) as Filter))),
  { maxLength: 3, selector: (f) => f.dimension },
);
const callArb = fc.oneof(
  fc.record({ kind: fc.constant('query' as const), level: fc.constantFrom<TerritoryLevel>('nation', 'region', 'departement', 'epci', 'commune'), filters: filterArb }),
  fc.record({ kind: fc.constant('position' as const), peers: fc.constantFrom('neighbours', 'distance&km=5', 'distance&km=10', 'distance&km=20', 'distance&km=50', 'distance&km=100'), filters: filterArb }),
);

describe('a director attacking through the API', () => {
  const totals = { targets: 0, pointHits: 0, exact: 0, certain: 0, pairs: 0, exploitable: 0 };
  it('never recovers another structure’s income exactly, nor pins it to ±10 %, whatever calls she makes', async () => {
    // The whole dashboard (every region's page): exact sums of the fixed table.
    const fixed: Sum[] = [];
    const allFixed: number[][] = [];
    const dash = new Map<string, { state: string; value?: number }>();
    const regions = [...new Set(records.map((r) => r.attributes.regionCode))];
    for (const path of ['level=nation', ...regions.map((r) => `level=region&code=${r}`)]) {
      const res = await client.request(`/api/stats/dashboard?year=2024&${path}`, { headers: director });
      expect(res.status).toBe(200);
      for (const f of (await res.json()).figures as { indicator: string; stat: string; territory: { level: TerritoryLevel; code: string }; cell: { state: string; value?: number } }[]) {
        if (f.indicator !== IND || f.stat !== 'sum') continue;
        dash.set(`${f.territory.level}:${f.territory.code}`, f.cell);
        allFixed.push(contributorsOf(f.territory.level, f.territory.code, []));
        if (f.cell.state === 'value') fixed.push({ ids: contributorsOf(f.territory.level, f.territory.code, []), value: f.cell.value!, exact: true });
      }
    }
    // Line recomputation on the fixed table: a suppressed cell of one other structure (plus maybe her own).
    const index = indexByTerritory(records.filter((r) => truth.has(r.structureId)));
    const { rows, lines } = layoutTable(index, { levels: ['nation', 'region', 'departement'] });
    const bounds = propagate(rows.map((row) => {
      const c = dash.get(`${row.territory.level}:${row.territory.code}`);
      return { known: c?.state === 'value' ? c.value! : c?.state === 'no_data' ? 0 : null, lower: 0, upper: Infinity };
    }), lines);
    rows.forEach((row, i) => {
      const ids = contributorsOf(row.territory.level, row.territory.code, []).filter((id) => id !== centreId);
      const own = ids.length < contributorsOf(row.territory.level, row.territory.code, []).length ? truth.get(centreId)! : 0;
      if (ids.length !== 1) return;
      const t = truth.get(ids[0])!;
      const [lo, hi] = bounds[i];
      expect(lo - own >= 0.9 * t && hi - own <= 1.1 * t, `fixed table pins structure ${ids[0]}`).toBe(false);
    });

    await fc.assert(fc.asyncProperty(fc.array(callArb, { minLength: 3, maxLength: 10 }), async (calls) => {
      const sums: Sum[] = [...fixed];
      const asked: number[][] = [...allFixed];
      for (const call of calls) {
        if (call.kind === 'query') {
          // The differencing strategy: the query and every query obtained by dropping some of its filters.
          for (let mask = 0; mask < 1 << call.filters.length; mask++) {
            const filters = call.filters.filter((_, i) => mask & (1 << i));
            const res = await client.request('/api/stats/query', { method: 'POST', headers: { 'content-type': 'application/json', ...director },
              body: JSON.stringify({ year: 2024, indicators: [IND], level: call.level, filters, stats: ['sum'] }) });
            expect(res.status).toBe(200);
            const text = await res.text();
            expect(text).not.toMatch(/cell_?key/i);
            for (const f of JSON.parse(text).figures as { territory: { code: string }; cell: { state: string; value?: number } }[]) {
              asked.push(contributorsOf(call.level, f.territory.code, filters));
              if (f.cell.state === 'value') sums.push({ ids: contributorsOf(call.level, f.territory.code, filters), value: f.cell.value!, exact: false });
            }
          }
        } else {
          const filters = call.filters.map((f) => `${f.dimension}:${f.value}`).join(',');
          const peers = call.peers === 'neighbours' && filters ? `filters&filters=${filters}` : call.peers;
          const res = await client.request(`/api/structures/${centreId}/position?year=2024&indicators=${IND}&peers=${peers}`, { headers: director });
          expect(res.status).toBe(200);
          const text = await res.text();
          expect(text).not.toMatch(/cell_?key/i);
          // Perturbed quartiles never coincide with another structure's own figure.
          for (const [id, v] of truth) if (id !== centreId) expect(text).not.toMatch(new RegExp(`:${v}[,}]`));
        }
      }
      // Differencing: every pair of published sums whose contributor sets differ by one other structure.
      const bySet = new Map<string, Sum[]>();
      for (const s of sums) (bySet.get(s.ids.join(',')) ?? bySet.set(s.ids.join(','), []).get(s.ids.join(','))!).push(s);
      const estimates = new Map<number, number[]>();
      for (const a of sums) {
        for (let k = 0; k < a.ids.length; k++) {
          const t = a.ids[k];
          if (t === centreId) continue;
          const without = a.ids.filter((_, j) => j !== k).join(',');
          for (const b of bySet.get(without) ?? []) {
            const d = a.value - b.value;
            const x = truth.get(t)!;
            totals.pairs++;
            if (a.exact && b.exact) expect(Math.abs(d - x), `exact differencing of structure ${t}`).toBeGreaterThan(0.1 * x);
            if (!a.exact && !b.exact) {
              const { recordNoise: rb, cellNoise: m } = defaultPolicy.perturbation;
              const maxOf = (ids: number[]) => Math.max(0, ...ids.map((id) => Math.abs(truth.get(id)!)));
              const e = m * (maxOf(a.ids) + maxOf(b.ids));
              const tLo = Math.max(0, d - e) / (1 + rb), tHi = (d + e) / (1 - rb);
              if (tLo >= 0.9 * x && tHi <= 1.1 * x) totals.certain++;
            }
            (estimates.get(t) ?? estimates.set(t, []).get(t)!).push(d);
          }
        }
      }
      // The control: the same groups published without protection would give pairs away exactly.
      const askedKeys = new Set(asked.map((ids) => ids.join(',')));
      for (const ids of askedKeys) {
        const list = ids ? ids.split(',').map(Number) : [];
        for (let k = 0; k < list.length; k++) if (list[k] !== centreId && list.length > 1 && askedKeys.has(list.filter((_, j) => j !== k).join(','))) totals.exploitable++;
      }
      for (const [t, ds] of estimates) {
        const x = truth.get(t)!;
        const est = ds.reduce((p, q) => p + q, 0) / ds.length;
        totals.targets++;
        if (Math.abs(est - x) <= 0.1 * x) totals.pointHits++;
        if (Math.abs(est - x) <= 0.001 * x) totals.exact++;
      }
      expect(totals.certain, 'a value known for certain to ±10 %').toBe(0);
    }), { numRuns: 6 });
    console.info(`API attack: ${totals.exploitable} pairs of asked groups differing by one structure, ${totals.pairs} of them published on ${totals.targets} targets; certain ${totals.certain}, exact ${totals.exact}, point within 10 % ${totals.pointHits}`);
    expect(totals.exploitable, 'the calls asked about groups differing by one structure').toBeGreaterThan(0);
    expect(totals.certain).toBe(0);
    expect(totals.exact).toBeLessThanOrEqual(Math.max(1, 0.05 * totals.targets));
    if (totals.targets >= 20) expect(totals.pointHits / totals.targets).toBeLessThan(0.45);
  });
});
