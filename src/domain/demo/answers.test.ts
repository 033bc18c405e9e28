import { describe, expect, it } from 'vitest';
import { readGeography } from '../../seed/geography';
import { loadQuestionnaire } from '../../app/questionnaires/readDefinition';
import { validateResponse } from '../questionnaire/validate';
import { coreIndicators, fundingSources } from '../indicators';
import { DEMO_YEARS, generateAnswers } from './answers';
import { generateStructures } from './structures';

const structures = generateStructures(readGeography().communes, 1);
const sample = structures.filter((_, i) => i % 20 === 0);

describe('demo answers', () => {
  it('are deterministic', () => {
    expect(generateAnswers(structures[5], 2024)).toEqual(generateAnswers(structures[5], 2024));
    expect(generateStructures(readGeography().communes, 0.05).map((s) => s.siret)).toEqual(generateStructures(readGeography().communes, 0.05).map((s) => s.siret));
  });

  it.each(DEMO_YEARS)('fill every core code and pass the %i questionnaire without error', async (year) => {
    const { catalog } = await loadQuestionnaire(year);
    for (const s of sample) {
      const answers = generateAnswers(s, year);
      for (const i of coreIndicators) expect(answers, i.code).toHaveProperty([i.code]);
      const result = validateResponse(catalog, answers, { previous: generateAnswers(s, year - 1) });
      expect(result.errors, `${s.name} ${year}`).toEqual([]);
    }
  });

  it('add up: funding sources make the income, contracts make the headcount', () => {
    for (const s of sample) {
      const a = generateAnswers(s, 2025);
      expect(fundingSources.reduce((t, [src]) => t + Number(a[`finances.financement.${src}`]), 0)).toBe(a['finances.produits']);
      const heads = ['direction_accueil', 'animation', 'technique'].reduce((t, f) => t + Number(a[`rh.effectif.${f}`]), 0);
      expect(['cdi', 'cdd', 'aides', 'apprentis'].reduce((t, c) => t + Number(a[`rh.contrat.${c}`]), 0)).toBe(heads);
    }
  });

  it('are calibrated on the national figures (orders of magnitude)', () => {
    const cs = structures.filter((s) => s.kind === 'CS').map((s) => generateAnswers(s, 2024));
    const mean = (f: (a: Record<string, unknown>) => number) => cs.reduce((t, a) => t + f(a), 0) / cs.length;
    const fte = mean((a) => Number(a['rh.etp.direction_accueil']) + Number(a['rh.etp.animation']) + Number(a['rh.etp.technique']));
    expect(fte).toBeGreaterThan(10);
    expect(fte).toBeLessThan(17);
    expect(mean((a) => Number(a['participation.benevoles']))).toBeGreaterThan(40);
    expect(mean((a) => Number(a['finances.produits']))).toBeGreaterThan(600_000);
    expect(mean((a) => Number(a['finances.produits']))).toBeLessThan(950_000);
    const urban = structures.filter((s) => s.kind === 'CS' && s.territory_type === 'urban').length / cs.length;
    expect(urban).toBeGreaterThan(0.75);
    // Within 15 % of FIGURES.md: 24 board members per CS, about half of CS in or near a QPV (2016).
    expect(mean((a) => Number(a['participation.ca.membres']))).toBeGreaterThan(24 * 0.85);
    expect(mean((a) => Number(a['participation.ca.membres']))).toBeLessThan(24 * 1.15);
    const qpv = structures.filter((s) => s.kind === 'CS' && (s.qpv_status === 'inside' || s.qpv_status === 'nearby')).length / cs.length;
    expect(qpv).toBeGreaterThan(0.5 * 0.85);
    expect(qpv).toBeLessThan(0.5 * 1.15);
    expect(new Set(structures.map((s) => s.departement_code)).size).toBe(101);
  });
});
