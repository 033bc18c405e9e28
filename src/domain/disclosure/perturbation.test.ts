import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { noiseColumns, perturbCount } from './ptable';
import { isFlipped, recordFactor } from './perturbation';
import { cellKeyOf } from './keys';
import { definePolicy, defaultPolicy, publish, preparePopulation } from './index';
import { makePopulation, MONEY, YESNO } from './attack/population';

describe('perturbation table for counts', () => {
  it.each([1, 2, 3])('has 256 columns, zero mean and noise within ±%i', (d) => {
    const t = noiseColumns(d);
    expect(t.length).toBe(256);
    expect(t.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Math.max(...t)).toBe(d);
    expect(Math.min(...t)).toBe(-d);
  });
  it('never publishes a count below the minimum, and stays within the bound', () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 5000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (n, col) => {
      const p = perturbCount(n, col, 2, 5);
      expect(p).toBeGreaterThanOrEqual(5);
      expect(Math.abs(p - n)).toBeLessThanOrEqual(2);
    }));
  });
});

describe('record layer', () => {
  it('gives each structure a fixed factor per indicator, within the bound', () => {
    expect(recordFactor(42, MONEY.code, 0.3)).toBe(recordFactor(42, MONEY.code, 0.3));
    expect(recordFactor(42, MONEY.code, 0.3)).not.toBe(recordFactor(42, 'finances.charges', 0.3));
    const fs = Array.from({ length: 5000 }, (_, k) => recordFactor(k * 7919, MONEY.code, 0.3));
    expect(Math.min(...fs)).toBeGreaterThanOrEqual(0.7);
    expect(Math.max(...fs)).toBeLessThanOrEqual(1.3);
    // Uniform: the mean factor is 1 and a quarter of them fall in each quarter of the range.
    expect(Math.abs(fs.reduce((a, b) => a + b, 0) / fs.length - 1)).toBeLessThan(0.01);
    const flips = Array.from({ length: 5000 }, (_, k) => isFlipped(k * 7919, YESNO.code, 0.1)).filter(Boolean).length;
    expect(flips / 5000).toBeGreaterThan(0.08);
    expect(flips / 5000).toBeLessThan(0.12);
  });
  it('derives the cell key from the contributor set only', () => {
    expect(cellKeyOf([{ key: 5 }, { key: 9 }])).toBe(cellKeyOf([{ key: 9 }, { key: 5 }]));
  });
});

describe('flexible queries are consistent', () => {
  const records = makePopulation(11, 200);
  const population = preparePopulation(records);
  it('answers the same question the same way, however it is phrased', () => {
    const ask = (filters: unknown[]) => publish(population, { kind: 'flexible_query', indicators: [MONEY.code], level: 'nation', filters }).figures.map((f) => f.cell);
    expect(ask([{ dimension: 'kind', value: 'EVS' }])).toEqual(ask([{ dimension: 'kind', value: 'EVS' }]));
    // Every EVS holds the 'evs' approval and only them: same structures, so the same perturbed answer.
    expect(ask([{ dimension: 'approval', value: 'evs' }])).toEqual(ask([{ dimension: 'kind', value: 'EVS' }]));
    expect(ask([{ dimension: 'kind', value: 'CS' }, { dimension: 'qpv', value: 'none' }]))
      .toEqual(ask([{ dimension: 'qpv', value: 'none' }, { dimension: 'kind', value: 'CS' }]));
  });
  it('stays close to the exact value on large groups', () => {
    const exact = publish(population, { kind: 'fixed_table', indicators: [MONEY.code, YESNO.code], levels: ['nation'] }).figures;
    const noisy = publish(population, { kind: 'flexible_query', indicators: [MONEY.code, YESNO.code], level: 'nation' }).figures;
    for (const stat of ['sum', 'share'] as const) {
      const e = exact.find((f) => f.stat === stat)!.cell;
      const p = noisy.find((f) => f.stat === stat)!.cell;
      if (e.state !== 'value' || p.state !== 'value') throw new Error('nation should be published');
      expect(Math.abs(p.value - e.value) / e.value).toBeLessThan(0.1);
      expect(p.value).not.toBe(e.value);
    }
  });
  it('equals the exact value when every layer of noise is switched off (so the noise is all that differs)', () => {
    const off = definePolicy({ perturbation: { countNoise: 0, recordNoise: 0, cellNoise: 0, flipRate: 0 } }, { allowUnsafe: true });
    const request = { indicators: [MONEY.code, YESNO.code], stats: undefined } as const;
    const exact = publish(population, { kind: 'fixed_table', ...request, levels: ['region'] }, off).figures;
    const flex = publish(population, { kind: 'flexible_query', ...request, level: 'region' }, off).figures;
    for (const f of flex) {
      const e = exact.find((x) => x.indicator === f.indicator && x.stat === f.stat && x.territory.code === f.territory.code)!;
      if (f.cell.state === 'value' && e.cell.state === 'value') expect(f.cell.value).toBeCloseTo(e.cell.value, 6);
    }
  });
  it('keeps the default policy frozen', () => {
    expect(Object.isFrozen(defaultPolicy) && Object.isFrozen(defaultPolicy.perturbation)).toBe(true);
  });
});
