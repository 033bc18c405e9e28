import { describe, expect, it } from 'vitest';
import { dashboardIndicators } from '../../domain/dashboardIndicators';
import { filterDimensions, filterValues } from '../../domain/aggregation/filters';
import { filterValueLabel, indicatorGroups, ownText, positionSentence } from './labels';
import { filtersFromParam, filtersToParam } from './Pickers';

const v = (value: number) => ({ state: 'value' as const, value, n: 12 });
const group = { q1: v(100), median: v(200), q3: v(300), count: v(15) };

describe('comparison labels', () => {
  it('says where the structure stands in plain French, for each quarter and when nothing is published', () => {
    const s = (value: number | null, position: 'below_q1' | 'q1_to_median' | 'median_to_q3' | 'above_q3' | null, g: Record<string, never> | typeof group = group) =>
      positionSentence({ label: 'Adhérents', unit: 'count', value, group: g, position });
    expect(s(50, 'below_q1')).toBe('Avec 50, votre structure fait partie du quart de ses pairs aux valeurs les plus basses (médiane du groupe : 200).');
    expect(s(150, 'q1_to_median')).toMatch(/un peu en dessous de la médiane de ses pairs \(200\)/);
    expect(s(250, 'median_to_q3')).toMatch(/un peu au-dessus de la médiane/);
    expect(s(400, 'above_q3')).toMatch(/valeurs les plus hautes/);
    expect(s(null, null)).toBe('Votre structure n’a pas répondu à cette question cette année-là.');
    const withheld = { q1: { state: 'suppressed' as const, rule: 'min_size' }, median: { state: 'suppressed' as const, rule: 'min_size' }, q3: { state: 'suppressed' as const, rule: 'min_size' } };
    expect(positionSentence({ label: 'Adhérents', unit: 'count', value: 42, group: withheld, position: null })).toBe('Avec 42, votre structure ne peut pas être située, faute de quartiles publiés pour le groupe : secret statistique (trop peu de structures).');
    expect(positionSentence({ label: 'Culture', unit: 'yesno', value: true, group: { share: v(0.625) }, position: null })).toBe('Votre structure le fait ; 62,5 % de ses pairs le font.');
    expect(positionSentence({ label: 'Culture', unit: 'yesno', value: false, group: { share: { state: 'no_data' } }, position: null })).toBe('Votre structure ne le fait pas ; la part de ses pairs n’est pas publiée : pas de données.');
  });

  it('offers every dashboard indicator once, grouped by section, and a French label for every filter value', () => {
    expect(indicatorGroups.flatMap((g) => g.items.map((i) => i.code)).sort()).toEqual([...dashboardIndicators].sort());
    for (const d of filterDimensions) for (const value of filterValues[d]) expect(filterValueLabel(d, value), `${d}:${value}`).not.toBe(value);
  });

  it('keeps filters in the URL and back, dropping unknown dimensions', () => {
    expect(filtersToParam({ kind: 'CS', qpv: 'inside', budget: undefined })).toBe('kind:CS,qpv:inside');
    expect(filtersFromParam('kind:CS,bogus:x,qpv:inside')).toEqual({ kind: 'CS', qpv: 'inside' });
    expect(ownText(null, 'euros')).toBe('pas de réponse');
    expect(ownText(1, 'yesno')).toBe('Oui');
    expect(ownText('Régie', 'choice')).toBe('Régie');
  });
});
