import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { definePolicy, publish, preparePopulation } from './index';
import { COUNT, MONEY, populationArb, SHARE, YESNO } from './attack/population';
import type { AggregationRecord } from '../aggregation/record';
import { townSizeBandOf } from '../aggregation/bands';

/** The plain recomputation the gate's published values must equal: filter, drop missing, sort, compute. */
function plain(records: AggregationRecord[], code: string, stat: string): number {
  const xs = records.map((r) => r.values[code]).filter((v) => v !== null && v !== undefined).map((v) => (v === true ? 1 : v === false ? 0 : (v as number)));
  const s = [...xs].sort((a, b) => a - b);
  // The documented smoothed quantile: the mean of the three values around rank round((n − 1)·p), never one answer alone.
  const q = (p: number) => {
    if (s.length < 3) return s.reduce((a, b) => a + b, 0) / s.length;
    const c = Math.min(s.length - 2, Math.max(1, Math.round((s.length - 1) * p)));
    return (s[c - 1] + s[c] + s[c + 1]) / 3;
  };
  const total = xs.reduce((a, b) => a + b, 0);
  return stat === 'count' ? xs.length : stat === 'sum' ? total : stat === 'mean' || stat === 'share' ? total / xs.length
    : stat === 'median' ? q(0.5) : stat === 'q1' ? q(0.25) : q(0.75);
}

/** A deployment publishing fixed tables down to communes, broken down by town size. */
const byTownSize = definePolicy({ fixedTableLevels: ['nation', 'region', 'departement', 'commune'], fixedTableColumns: ['town_size'] });

describe('fixed tables publish exactly the plain aggregates', () => {
  it('for every published cell, indicator and statistic, at every level and band column', () => {
    fc.assert(fc.property(populationArb, (records) => {
      const population = preparePopulation(records);
      const cases = [[MONEY.code, ['count', 'sum', 'mean', 'median', 'q1', 'q3']], [COUNT.code, ['sum', 'mean']], [YESNO.code, ['share', 'sum']], [SHARE.code, ['median', 'q3']]] as const;
      let checked = 0;
      for (const [code, stats] of cases) {
        const { figures } = publish(population, { kind: 'fixed_table', indicators: [code], levels: ['nation', 'region', 'departement', 'commune'], column: 'town_size', stats }, byTownSize);
        for (const f of figures) {
          const group = records.filter((r) => {
            const a = r.attributes;
            const inT = f.territory.level === 'nation' || (f.territory.level === 'region' ? a.regionCode : f.territory.level === 'departement' ? a.departementCode : a.communeCode) === f.territory.code;
            return inT && (f.column === null || townSizeBandOf(a.communePopulation) === f.column);
          });
          const n = plain(group, code, 'count');
          if (n === 0) { expect(f.cell).toEqual({ state: 'suppressed', rule: 'min_size' }); continue; }
          if (f.cell.state !== 'value') continue;
          expect(f.cell.n).toBe(n);
          expect(f.cell.value).toBeCloseTo(plain(group, code, f.stat), 6);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }), { numRuns: 25 });
  });
});
