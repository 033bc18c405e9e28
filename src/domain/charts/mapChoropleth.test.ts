import { describe, expect, it } from 'vitest';
import { choroplethOption, choroplethRows, classBreaks, classLabels, classOf } from './mapChoropleth';
import { departementCodes } from './mapGeometry';
import { renderMapSvg } from '../../reports/mapSsr';

const cells = departementCodes().map((code, i) => ({
  code,
  cell: code === '69' ? { state: 'suppressed' as const, rule: 'min_size' } : code === '01' ? { state: 'no_data' as const } : { state: 'value' as const, value: (i * 37) % 100 + 5, n: 5 },
}));

describe('classes', () => {
  it('cuts by quantiles and by Jenks natural breaks', () => {
    expect(classBreaks([1, 2, 3, 4, 10, 11, 12], 2, 'jenks')).toEqual([1, 4, 12]);
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8], 4, 'quantile')).toEqual([1, 2, 4, 6, 8]);
    expect(classBreaks([7, 7, 7], 5)).toEqual([7, 7]);
    expect(classBreaks([], 5)).toEqual([]);
    expect(classOf(5, [0, 4, 8])).toBe(1);
    expect(classOf(0, [0, 4, 8])).toBe(0);
    expect(classLabels([0, 0.5, 1], 'yesno')).toEqual(['de 0 % à 50 %', 'de 50 % à 100 %']);
  });
});

describe('choropleth', () => {
  it('keeps the three states apart in its table equivalent', () => {
    const { rows, labels } = choroplethRows({ cells, indicatorLabel: 'Bénévoles', unit: 'count' });
    expect(rows).toHaveLength(101);
    expect(labels).toHaveLength(5);
    expect(rows.find((r) => r.code === '69')).toMatchObject({ state: 'suppressed', value: null, legend: 'Secret statistique' });
    expect(rows.find((r) => r.code === '69')!.text).toContain('secret statistique');
    expect(rows.find((r) => r.code === '01')).toMatchObject({ state: 'no_data', text: 'pas de données' });
    // A département missing from the cells reads « pas de données », never zero.
    const partial = choroplethRows({ cells: cells.slice(0, 3), indicatorLabel: 'x', unit: 'count' });
    expect(partial.rows.filter((r) => r.state === 'no_data').length).toBe(101 - 3 + 1);
  });

  it('zooms on a région’s départements when asked', () => {
    const { rows } = choroplethRows({ cells, indicatorLabel: 'x', unit: 'count', only: ['01', '69', '38'] });
    expect(rows.map((r) => r.code)).toEqual(['01', '38', '69']);
  });

  it('renders to SVG on the server with 101 départements, the hatching, the legend in French and the credit', () => {
    const svg = renderMapSvg(choroplethOption({ cells, indicatorLabel: 'Bénévoles', unit: 'count' }), { width: 760, height: 560 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('<pattern');
    for (const t of ['Secret statistique', 'Pas de données', 'CC BY 4.0', 'Licence Ouverte', 'La Réunion', 'Mayotte']) expect(svg).toContain(t);
    expect(svg).not.toMatch(/style="[^"]*"[^ >/]/); // no broken attribute (quotes inside a style)
  });
});

describe('points', () => {
  it('places structures on the map by kind, with overseas ones in their inset, and says which could not be placed', async () => {
    const { pointsOption } = await import('./mapPoints');
    const { option, placed, unplaced } = pointsOption({ points: [
      { id: 1, name: 'CS Lyon', kind: 'CS', lon: 4.8357, lat: 45.764 },
      { id: 2, name: 'EVS Saint-Denis', kind: 'EVS', lon: 55.45, lat: -20.88 },
      { id: 3, name: 'Sans coordonnées', kind: 'CS', lon: null, lat: null },
    ] });
    expect(placed).toBe(2);
    expect(unplaced.map((u) => u.id)).toEqual([3]);
    const svg = renderMapSvg(option, { width: 700, height: 560 });
    expect(svg).toContain('Centres sociaux');
    expect(svg).toContain('Espaces de vie sociale');
  });
});
