import { describe, expect, it } from 'vitest';
import type { PublishedFigure } from './publish';
import { definePolicy, defaultPolicy, publish } from './index';
import { rec } from './fixtures';

/** Fixed tables down to communes (the default policy stops at départements). */
const toCommunes = definePolicy({ fixedTableLevels: ['nation', 'region', 'departement', 'commune'] });
import { propagate } from './intervals';
import { indexByTerritory } from '../aggregation/groups';
import { layoutTable } from '../aggregation/table';

const MONEY = 'finances.produits';
const COUNT = 'participation.benevoles';
const find = (figs: PublishedFigure[], code: string, stat = 'sum', column: string | null = null) =>
  figs.filter((f) => f.territory.code === code && f.stat === stat && f.column === column).map((f) => f.cell);

describe('three cell states and the minimum group size', () => {
  // The four and their six neighbours are in Paris, so the nation minus Marseille's five is 10 structures
  // (complement rule satisfied) and the five make all of their département (complement 0).
  const paris = { regionCode: '11', departementCode: '75', epciCode: '200054781' };
  const four = [1, 2, 3, 4].map((i) => rec(i, { ...paris, communeCode: '75101' }, { [COUNT]: 10 * i }));
  const six = [11, 12, 13, 14, 15, 16].map((i) => rec(i, { ...paris, communeCode: '75102' }, { [COUNT]: i }));
  const five = [5, 6, 7, 8, 9].map((i) => rec(i, { communeCode: '13002' }, { [COUNT]: 10 * i }));
  const silent = [10].map((i) => rec(i, { communeCode: '13003' }, { [COUNT]: null }));
  const records = [...four, ...six, ...five, ...silent];
  for (const kind of ['fixed_table', 'flexible_query'] as const) {
    it(`${kind}: 4 structures suppressed, 5 published, none answering looks the same as too few (no oracle)`, () => {
      const figs = kind === 'fixed_table'
        ? publish(records, { kind, indicators: [COUNT], levels: ['departement', 'commune'] }, toCommunes).figures
        : publish(records, { kind, indicators: [COUNT], level: 'commune' }).figures;
      expect(find(figs, '75101')).toEqual([{ state: 'suppressed', rule: 'min_size' }]);
      expect(find(figs, '13002')[0].state).toBe('value');
      expect(find(figs, '13003')).toEqual([{ state: 'suppressed', rule: 'min_size' }]);
      const n = find(figs, '13002', 'count')[0];
      if (n.state !== 'value') throw new Error('count should be published');
      expect(n.value).toBeGreaterThanOrEqual(5);
      if (kind === 'fixed_table') expect(find(figs, '13002')[0]).toEqual({ state: 'value', value: 350, n: 5 });
    });
  }
});

describe('dominance (n, k)', () => {
  const cell = (values: number[]) => values.map((v, i) => rec(i + 1, {}, { [MONEY]: v, [COUNT]: v }));
  const ask = (values: number[], code = MONEY, policy = defaultPolicy) =>
    publish(cell(values), { kind: 'flexible_query', indicators: [code], level: 'commune' }, policy).figures.find((f) => f.stat === 'sum')!.cell;
  it('suppresses a money total where one structure holds more than 85 %', () => {
    expect(ask([900_000, 40_000, 30_000, 20_000, 10_000])).toEqual({ state: 'suppressed', rule: 'dominance' });
    expect(ask([800_000, 80_000, 60_000, 40_000, 20_000]).state).toBe('value');
  });
  it('applies to money only by default', () => {
    expect(ask([900_000, 40_000, 30_000, 20_000, 10_000], COUNT).state).toBe('value');
  });
  it('is the p % rule: two large contributors of similar size are caught, and p comes from the policy', () => {
    // (1, 85 %) dominance would pass this cell (the largest is 51 %); the second largest would bound it within 8 %.
    const values = [500_000, 450_000, 20_000, 10_000, 10_000];
    expect(ask(values)).toEqual({ state: 'suppressed', rule: 'dominance' });
    const wider = [500_000, 400_000, 40_000, 30_000, 30_000];
    expect(ask(wider).state).toBe('value');
    expect(ask(wider, MONEY, definePolicy({ dominance: { p: 0.25 } }))).toEqual({ state: 'suppressed', rule: 'dominance' });
  });
});

describe('complement rule (flexible queries)', () => {
  const q = (records: ReturnType<typeof rec>[], level: 'commune' | 'departement', filters: unknown[]) =>
    publish(records, { kind: 'flexible_query', indicators: [COUNT], level, filters, territories: [level === 'commune' ? '13055' : '13'] })
      .figures.find((f) => f.stat === 'sum')!.cell;
  const assoc = [1, 2, 3, 4, 5, 6].map((i) => rec(i, {}, { [COUNT]: 20 + i }));
  it('suppresses a filtered group whose complement in the unfiltered group is 1 to 4 structures', () => {
    const one = [...assoc, rec(7, { management: 'collectivite' }, { [COUNT]: 99 })];
    expect(q(one, 'commune', [{ dimension: 'management', value: 'association' }])).toEqual({ state: 'suppressed', rule: 'complement' });
    const five = [...one, ...[8, 9, 10, 11].map((i) => rec(i, { management: 'collectivite' }, { [COUNT]: 5 }))];
    expect(q(five, 'commune', [{ dimension: 'management', value: 'association' }]).state).toBe('value');
  });
  it('counts answering structures: a complement that gave no answer leaves nothing to subtract', () => {
    const silent = [...assoc, rec(7, { management: 'collectivite' }, { [COUNT]: null })];
    expect(q(silent, 'commune', [{ dimension: 'management', value: 'association' }]).state).toBe('value');
  });
  it('also compares with every enclosing territory (commune vs département, skipping the EPCI)', () => {
    const other = [...assoc, rec(7, { communeCode: '13001', epciCode: '200099999' }, { [COUNT]: 40 })];
    expect(q(other, 'commune', [])).toEqual({ state: 'suppressed', rule: 'complement' });
  });
  it('also compares with a wider territory *and* fewer filters at once', () => {
    const records = [...assoc.map((r) => ({ ...r, attributes: { ...r.attributes, qpvStatus: 'inside' as const } })),
      rec(7, { communeCode: '13001', qpvStatus: 'none' }, { [COUNT]: 40 })];
    expect(q(records, 'commune', [{ dimension: 'qpv', value: 'inside' }])).toEqual({ state: 'suppressed', rule: 'complement' });
  });
  it('also compares with groups on other filters that happen to hold the whole group (not only its parents)', () => {
    // The six association-run centres are the only federation members but one: "federation members" minus
    // "association-run" isolates the seventh, though neither filter is a parent of the other.
    const members = assoc.map((r) => ({ ...r, attributes: { ...r.attributes, federationMember: true } }));
    const records = [...members, rec(7, { management: 'collectivite', federationMember: true }, { [COUNT]: 40 }),
      ...[8, 9, 10, 11, 12].map((i) => rec(i, { management: 'collectivite', federationMember: false }, { [COUNT]: 5 }))];
    expect(q(records, 'commune', [{ dimension: 'federation', value: 'member' }]).state).toBe('value');
    expect(q(records, 'commune', [{ dimension: 'management', value: 'association' }])).toEqual({ state: 'suppressed', rule: 'complement' });
    // The unrelated filter does not count when the bigger group differs by 5 or more.
    const five = [...records, ...[13, 14, 15, 16].map((i) => rec(i, { management: 'collectivite', federationMember: true }, { [COUNT]: 5 }))];
    expect(q(five, 'commune', [{ dimension: 'management', value: 'association' }]).state).toBe('value');
  });
});

describe('secondary suppression (fixed tables)', () => {
  // Région 93: département 13 (3 structures, primary), 84 (6), 06 (12). Nation = 93 only.
  const make = (dept: string, n: number, value: number, start: number) =>
    Array.from({ length: n }, (_, i) => rec(start + i, { departementCode: dept, communeCode: `${dept}001`, epciCode: null, kind: i % 2 ? 'EVS' : 'CS' }, { [MONEY]: value }));
  const records = [...make('13', 3, 100_000, 1), ...make('84', 6, 50_000, 10), ...make('06', 12, 200_000, 20)];
  it('hides the smallest sufficient sibling so the primary cell cannot be recomputed from the total', () => {
    const figs = publish(records, { kind: 'fixed_table', indicators: [MONEY], levels: ['region', 'departement'] }).figures;
    expect(find(figs, '13')).toEqual([{ state: 'suppressed', rule: 'min_size' }]);
    expect(find(figs, '84')).toEqual([{ state: 'suppressed', rule: 'secondary' }]);
    expect(find(figs, '06')).toEqual([{ state: 'value', value: 2_400_000, n: 12 }]);
    expect(find(figs, '93')).toEqual([{ state: 'value', value: 3_000_000, n: 21 }]);
    // Every statistic of a suppressed cell is suppressed: a mean times the public n would give the sum back.
    expect(find(figs, '84', 'mean')).toEqual([{ state: 'suppressed', rule: 'secondary' }]);
  });
  it('refuses a breakdown or a level the policy does not publish as fixed tables', () => {
    expect(() => publish(records, { kind: 'fixed_table', indicators: [MONEY], levels: ['region', 'departement'], column: 'kind' })).toThrow(/requête filtrée/);
    expect(() => publish(records, { kind: 'fixed_table', indicators: [MONEY], levels: ['departement', 'commune'] })).toThrow(/niveau refusé : commune/);
  });
  it('protects rows and columns together when the table has a band breakdown', () => {
    const figs = publish(records, { kind: 'fixed_table', indicators: [MONEY], levels: ['region', 'departement'], column: 'kind' }, definePolicy({ fixedTableColumns: ['kind'] })).figures;
    const sums = figs.filter((f) => f.stat === 'sum');
    const index = indexByTerritory(records);
    const { lines } = layoutTable(index, { levels: ['region', 'departement'], column: 'kind' });
    // Cell order is rows × (total, kind values), as layoutTable builds it.
    const cells = sums.map((f) => f.cell);
    for (const line of lines) {
      const members = [line.total, ...line.parts].filter((i) => cells[i].state !== 'no_data');
      const hidden = members.filter((i) => cells[i].state === 'suppressed');
      expect(hidden.length === 0 || hidden.length >= 2, `line ${JSON.stringify(line)}`).toBe(true);
    }
    const bounds = propagate(cells.map((c) => ({ known: c.state === 'value' ? c.value : c.state === 'no_data' ? 0 : null, lower: 0, upper: Infinity })), lines);
    sums.forEach((f, i) => {
      if (f.cell.state === 'suppressed' && f.cell.rule !== 'secondary') expect(bounds[i][1] - bounds[i][0]).toBeGreaterThan(0);
    });
  });
});

describe('quantiles need a larger group', () => {
  it('withholds the median of 7 structures but publishes their sum', () => {
    const records = Array.from({ length: 7 }, (_, i) => rec(i + 1, {}, { [COUNT]: i * 3 }));
    const figs = publish(records, { kind: 'fixed_table', indicators: [COUNT], levels: ['commune'], stats: ['sum', 'median'] }, toCommunes).figures;
    expect(figs.map((f) => f.cell)).toEqual([{ state: 'value', value: 63, n: 7 }, { state: 'suppressed', rule: 'min_size' }]);
  });
});

describe('requests', () => {
  it('refuses unknown indicators, choice indicators and meaningless statistics', () => {
    expect(() => publish([], { kind: 'fixed_table', indicators: ['nope'], levels: ['nation'] })).toThrow(/Indicateur inconnu/);
    expect(() => publish([], { kind: 'fixed_table', indicators: ['territoire.qpv'], levels: ['nation'] })).toThrow(/ne se résume pas/);
    expect(() => publish([], { kind: 'fixed_table', indicators: ['rh.temps_partiel_part'], levels: ['nation'], stats: ['sum'] })).toThrow(/Statistique/);
    expect(() => publish([], { kind: 'flexible_query', indicators: [COUNT], level: 'nation', filters: [1, 2, 3, 4] })).toThrow(/Au plus 3/);
    expect(() => publish([], { kind: 'fixed_table', indicators: [COUNT], levels: ['nation'], column: 'approval' }, definePolicy({ fixedTableColumns: ['kind'] }))).toThrow(/colonnes possibles/);
  });
  it('refuses a policy that switches protection off', () => {
    expect(() => definePolicy({ minSize: 1 })).toThrow(/minSize/);
    expect(() => definePolicy({ perturbation: { recordNoise: 0 } })).toThrow(/recordNoise/);
    expect(definePolicy({ minSize: 10 }).minSize).toBe(10);
  });
});
