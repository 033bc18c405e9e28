import { describe, expect, it } from 'vitest';
import { checkCopiedSections, checkYearOverYear, toleranceOf, defaultYearOverYearOptions } from './yearOverYear';

const plain = (s: string | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');
const code = 'rh.masse_salariale';

describe('year over year', () => {
  it('reports a change beyond 33 % with both values and the change', () => {
    const [f] = checkYearOverYear(2025, { [code]: 300_000 }, [{ year: 2024, answers: { [code]: 100_000 } }]);
    expect(f.kind).toBe('year_over_year');
    expect(f.codes).toEqual([code]);
    expect(plain(f.reason)).toContain('300 000 € en 2025 contre 100 000 € en 2024 (+200 %)');
  });

  it('accepts a change within the tolerance, and a small absolute change', () => {
    expect(checkYearOverYear(2025, { [code]: 125_000 }, [{ year: 2024, answers: { [code]: 100_000 } }])).toEqual([]);
    expect(checkYearOverYear(2025, { 'participation.ca.membres': 6 }, [{ year: 2024, answers: { 'participation.ca.membres': 3 } }])).toEqual([]);
  });

  it('uses a per-indicator threshold when given', () => {
    const history = [{ year: 2024, answers: { [code]: 100_000 } }];
    expect(checkYearOverYear(2025, { [code]: 125_000 }, history, { thresholds: { [code]: 0.1 } })).toHaveLength(1);
    expect(toleranceOf(code, { ...defaultYearOverYearOptions, thresholds: { [code]: 0.1 } })).toBe(0.1);
  });

  it('widens the tolerance for an indicator that moves a lot over the campaign', () => {
    const o = { ...defaultYearOverYearOptions, spread: { [code]: { growth: 0, sigma: 0.3, tail: 0.5 } } };
    expect(toleranceOf(code, o)).toBeCloseTo(Math.exp(4.5 * 0.3) - 1);
    expect(checkYearOverYear(2025, { [code]: 250_000 }, [{ year: 2024, answers: { [code]: 100_000 } }], o)).toEqual([]);
  });

  it('is trend-aware: a steady trend is not reported, a break from it is', () => {
    const history = [{ year: 2024, answers: { [code]: 150_000 } }, { year: 2023, answers: { [code]: 100_000 } }];
    expect(checkYearOverYear(2025, { [code]: 225_000 }, history)).toEqual([]);
    const [f] = checkYearOverYear(2025, { [code]: 100_000 }, history.map((h) => ({ ...h })).reverse());
    expect(plain(f.reason)).toContain('laissait attendre environ 225 000 €');
    // without the earlier year, the same +50 % is reported
    expect(checkYearOverYear(2025, { [code]: 225_000 }, [history[0]])).toHaveLength(1);
  });

  it('ignores zeros and missing years', () => {
    expect(checkYearOverYear(2025, { [code]: 0 }, [{ year: 2024, answers: { [code]: 100_000 } }])).toEqual([]);
    expect(checkYearOverYear(2025, { [code]: 900_000 }, [{ year: 2023, answers: { [code]: 100_000 } }])).toEqual([]);
  });
});

describe('copied section', () => {
  const rh = { 'rh.effectif.animation': 8, 'rh.etp.animation': 5.2, 'rh.effectif.technique': 3, 'rh.etp.technique': 2, 'rh.masse_salariale': 250_000 };
  it('reports a section whose numeric answers are all identical to last year', () => {
    const [f] = checkCopiedSections(2025, { ...rh, 'finances.produits': 3 }, [{ year: 2024, answers: { ...rh, 'finances.produits': 4 } }]);
    expect(f.rule).toBe('copied_section.rh');
    expect(f.codes).toHaveLength(5);
    expect(f.reason).toContain('« Ressources humaines »');
  });
  it('does not report it when one answer changed, or with too few answers', () => {
    expect(checkCopiedSections(2025, { ...rh, 'rh.etp.technique': 2.1 }, [{ year: 2024, answers: rh }])).toEqual([]);
    expect(checkCopiedSections(2025, { 'rh.etp.animation': 5 }, [{ year: 2024, answers: { 'rh.etp.animation': 5 } }])).toEqual([]);
  });
});
