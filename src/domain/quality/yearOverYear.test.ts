import { describe, expect, it } from 'vitest';
import { learnSpreads } from './history';
import { checkCopiedSections, checkYearOverYear, toleranceOf, defaultYearOverYearOptions } from './yearOverYear';

const plain = (s: string | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');
const code = 'rh.masse_salariale';

describe('year over year', () => {
  it('reports a change beyond 33 % with both values and the change', () => {
    const [f] = checkYearOverYear(2025, { [code]: 300_000 }, [{ year: 2024, answers: { [code]: 100_000 } }]);
    expect(f.kind).toBe('year_over_year');
    expect(f.codes).toEqual([code]);
    expect(plain(f.reason)).toContain('« Masse salariale » : 300 000 € en 2025 contre 100 000 € en 2024 (+200 % en un an)');
    expect(plain(f.reason)).toContain('laissait attendre environ 100 000 €');
    expect(plain(f.reason)).toContain('écart de +200 000 €, soit 3 fois plus');
    expect(f.suspect?.code).toBe(code);
  });

  it('accepts a change within the tolerance, and a small absolute change', () => {
    expect(checkYearOverYear(2025, { [code]: 125_000 }, [{ year: 2024, answers: { [code]: 100_000 } }])).toEqual([]);
    expect(checkYearOverYear(2025, { 'participation.ca.membres': 6 }, [{ year: 2024, answers: { 'participation.ca.membres': 3 } }])).toEqual([]);
  });

  it('uses a per-indicator threshold when given', () => {
    const history = [{ year: 2024, answers: { [code]: 100_000 } }];
    expect(checkYearOverYear(2025, { [code]: 125_000 }, history, { thresholds: { [code]: 0.1 } })).toHaveLength(1);
    expect(toleranceOf(code, { ...defaultYearOverYearOptions, thresholds: { [code]: 0.1 } })).toBeCloseTo(0.1);
  });

  it('learns the tolerance from the indicator\'s own yearly spread, not widened by the campaign\'s extremes', () => {
    // 200 structures moving by up to ±5 %, 10 of them by ×5 (errors or real breaks).
    const years = Array.from({ length: 200 }, (_, i) => {
      const last = { [code]: 100_000 + i * 1000 };
      const move = i < 10 ? 5 : 1 + (((i * 37) % 21) - 10) / 200;
      return { current: { [code]: Math.round(last[code] * move) }, last };
    });
    const spread = learnSpreads(years, [code])[code];
    expect(spread.sigma).toBeGreaterThan(0.02);
    expect(spread.sigma).toBeLessThan(0.05);
    const o = { ...defaultYearOverYearOptions, spread: { [code]: spread } };
    expect(toleranceOf(code, o)).toBeLessThan(0.25);
    expect(checkYearOverYear(2025, { [code]: 130_000 }, [{ year: 2024, answers: { [code]: 100_000 } }], o)).toHaveLength(1);
    expect(checkYearOverYear(2025, { [code]: 104_000 }, [{ year: 2024, answers: { [code]: 100_000 } }], o)).toEqual([]);
  });

  it('reports members 47 → 72 → 206 against a level learnt from two years, with a whole number of people expected', () => {
    const members = 'participation.adherents';
    const o = { ...defaultYearOverYearOptions, spread: { [members]: { growth: 0, sigma: 0.23, weight: 0.5, n: 2000 } } };
    const [f] = checkYearOverYear(2025, { [members]: 206 }, [{ year: 2024, answers: { [members]: 72 } }, { year: 2023, answers: { [members]: 47 } }], o);
    expect(f?.rule).toBe('yoy');
    expect(plain(f.reason)).toContain('« Adhérents » : 206 en 2025 contre 72 en 2024 et 47 en 2023 (+186 % en un an)');
    expect(plain(f.reason)).toMatch(/laissait attendre environ 58 \(habituellement entre \d+ et \d+\)/);
    expect(plain(f.reason)).not.toMatch(/environ \d+,\d/);
    // a steady structure moving within its spread is not reported
    expect(checkYearOverYear(2025, { [members]: 80 }, [{ year: 2024, answers: { [members]: 72 } }, { year: 2023, answers: { [members]: 70 } }], o)).toEqual([]);
  });

  it('proposes the likely intended value of a unit slip or a typo, never applies it', () => {
    const history = [{ year: 2024, answers: { [code]: 450_000 } }, { year: 2023, answers: { [code]: 440_000 } }];
    const o = { ...defaultYearOverYearOptions, spread: { [code]: { growth: 0.02, sigma: 0.04, weight: 0, n: 2000 } } };
    const a = { [code]: 460 };
    const [slip] = checkYearOverYear(2025, a, history, o);
    expect(slip.suspect?.correction).toEqual({ value: 460_000, reason: 'montant saisi en milliers (k€ ?)' });
    expect(plain(slip.reason)).toContain('Valeur probable : 460 000 € (montant saisi en milliers (k€ ?))');
    expect(a[code]).toBe(460);
    const [typo] = checkYearOverYear(2025, { [code]: 864_000 }, history, o);
    expect(typo.suspect?.correction?.value).toBe(464_000);
    expect(plain(typo.reason)).toContain('un chiffre mal saisi (8 au lieu de 4)');
  });

  it('does not report volunteers and their hours moving alike, nor money moved from one funder to another', () => {
    const last = { 'participation.benevoles': 40, 'participation.heures_benevoles': 2000 };
    const findings = checkYearOverYear(2025, { 'participation.benevoles': 100, 'participation.heures_benevoles': 5100 }, [{ year: 2024, answers: last }]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.level === 'info')).toBe(true);
    expect(plain(findings[0].reason)).toContain('a évolué de même');
    const lines = (communes: number, etat: number) => ({ 'finances.produits': 500_000, 'finances.financement.communes': communes, 'finances.financement.etat': etat, 'finances.financement.autres': 500_000 - communes - etat });
    const moved = checkYearOverYear(2025, lines(150_000, 150_000), [{ year: 2024, answers: lines(250_000, 50_000) }]);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((f) => f.level === 'info' && f.reason.includes('transfert probable'))).toBe(true);
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
