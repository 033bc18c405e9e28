import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { definePolicy, type DisclosurePolicy } from './policy';
import { publish, preparePopulation } from './publish';
import { COUNT, MONEY, populationArb, YESNO } from './attack/population';
import { attackFixed, primaryOnly, type FixedAttackResult } from './attack/fixedAttacker';
import { buildFixedTables, type FixedTableLayout } from '../aggregation/table';
import type { FilterDimension } from '../aggregation/filters';
import type { IndicatorSpec } from '../aggregation/contributions';
import type { PublishedCell } from './cell';

/**
 * The attacker tests of fixed tables: recomputing a suppressed cell from row, column and hierarchy totals
 * (nation → region → département → commune, optionally × a band dimension), as an outsider and as a
 * contributor of the cell. The control publishes the same tables with primary suppression only.
 */
describe('attacks on fixed tables', () => {
  const gate: FixedAttackResult = { sensitive: 0, outsider: 0, insider: 0, exact: 0 };
  const control: FixedAttackResult = { sensitive: 0, outsider: 0, insider: 0, exact: 0 };
  const columns: (FilterDimension | undefined)[] = [undefined, 'kind', 'town_size', 'qpv'];
  // A deployment that publishes fixed tables down to communes, broken down three ways (the default publishes
  // nation → région → département without breakdown): the hardest case for secondary suppression.
  const policy = definePolicy({ fixedTableLevels: ['nation', 'region', 'departement', 'commune'], fixedTableColumns: ['kind', 'town_size', 'qpv'] });
  const attackProperty = () => fc.property(populationArb, fc.constantFrom(...columns), (records, column) => {
      const layout: FixedTableLayout = { levels: ['nation', 'region', 'departement', 'commune'], ...(column ? { column } : {}) };
      const population = preparePopulation(records);
      for (const ind of [MONEY, COUNT, YESNO]) {
        const { figures } = publish(population, { kind: 'fixed_table', indicators: [ind], ...layout, stats: ['sum'] }, policy);
        const table = buildFixedTables(population.index, [ind], layout)[0];
        if (column) {
          // Across layouts: the total column shows exactly what the table without breakdown shows.
          const base = publish(population, { kind: 'fixed_table', indicators: [ind], levels: layout.levels, stats: ['sum'] }, policy).figures;
          const totals = figures.filter((f) => f.column === null);
          expect(totals.map((f) => f.cell), `${ind.code}: totals differ between layouts`).toEqual(base.map((f) => f.cell));
        }
        const r = attackFixed(table, figures.map((f) => f.cell), policy);
        expect(r.exact, `${ind.code}: suppressed cell recomputed exactly`).toBe(0);
        expect(r.outsider, `${ind.code}: cell total bounded to ±10 %`).toBe(0);
        expect(r.insider, `${ind.code}: contributor bounded to ±10 % by a peer`).toBe(0);
        // Across layouts: the attacker holds every published layout of these levels at once.
        const all = attackAllLayouts(population, ind, layout.levels, policy);
        expect(all.exact + all.outsider + all.insider, `${ind.code}: broken by combining layouts`).toBe(0);
        for (const k of Object.keys(r) as (keyof FixedAttackResult)[]) gate[k] += r[k];
        const c = primaryOnly(records, ind, layout, policy);
        const rc = attackFixed(c.table, c.sums, policy);
        for (const k of Object.keys(rc) as (keyof FixedAttackResult)[]) control[k] += rc[k];
      }
  });
  it('a dominant contributor whose cover partners are pinned by other lines stays protected (regression)', () => {
    // This seed once found a 12.7 M€ structure alone in its town-size cell whose suppressed partners had
    // their lower bounds fixed by other lines: the cover heuristic alone left it bounded to ±10 %.
    fc.assert(attackProperty(), { seed: -501326399, numRuns: 28 });
  });
  it('no primarily suppressed cell can be recomputed exactly or to ±10 % from the published totals', () => {
    fc.assert(attackProperty(), { numRuns: 40 });
    console.info(`fixed attack: ${gate.sensitive} sensitive cells; gate broke ${gate.exact + gate.outsider + gate.insider}; `
      + `primary-only control: ${control.exact} exact, ${control.outsider} outsider, ${control.insider} insider of ${control.sensitive}`);
    expect(gate.sensitive).toBeGreaterThan(100);
    expect(control.exact / control.sensitive, 'the attack recomputes cells when secondary suppression is skipped').toBeGreaterThan(0.25);
  });
});

/** Publishes the table without breakdown and every allowed breakdown, then attacks them together. */
function attackAllLayouts(population: ReturnType<typeof preparePopulation>, ind: IndicatorSpec, levels: FixedTableLayout['levels'], policy: DisclosurePolicy): FixedAttackResult {
  const dims = policy.fixedTableColumns;
  const stacked = buildFixedTables(population.index, [ind], { levels, columns: dims })[0];
  const key = (code: string, level: string, dim: string | undefined, value: string | null) => `${level}:${code}|${dim ?? ''}=${value ?? ''}`;
  const published = new Map<string, PublishedCell>();
  for (const column of [undefined, ...dims]) {
    for (const f of publish(population, { kind: 'fixed_table', indicators: [ind], levels, ...(column ? { column } : {}), stats: ['sum'] }, policy).figures) {
      published.set(key(f.territory.code, f.territory.level, f.filters[0]?.dimension, f.column), f.cell);
    }
  }
  const sums = stacked.cells.map((c) => published.get(key(c.territory.code, c.territory.level, c.filters[0]?.dimension, c.column))!);
  return attackFixed(stacked, sums, policy);
}
