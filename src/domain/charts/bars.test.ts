import { describe, expect, it } from 'vitest';
import { barsDescription, barsOption, categoryLabel } from './bars';
import { renderSvg } from '../../reports/chartSsr';

const v = (value: number) => ({ state: 'value' as const, value, n: 12 });

describe('bars', () => {
  it('draws no bar for a withheld or missing cell and marks its label', () => {
    const option = barsOption({
      categories: ['Culture', 'Numérique', 'Santé'],
      series: [{ name: 'Rhône', cells: [v(0.4), { state: 'suppressed', rule: 'min_size' }, { state: 'no_data' }] }, { name: 'France', cells: [v(0.5), v(0.6), v(0.7)] }],
      unit: 'yesno',
    }) as { yAxis: { data: string[] }; series: { data: unknown[] }[] };
    expect(option.yAxis.data).toEqual(['Culture', 'Numérique (s)', 'Santé (–)']);
    expect(option.series[0].data).toEqual([0.4, '-', '-']);
    expect(option.series[1].data).toEqual([0.5, 0.6, 0.7]);
  });

  it('labels and describes in French', () => {
    expect(categoryLabel('Culture', [v(1), undefined])).toBe('Culture (–)');
    expect(barsDescription({ categories: ['Culture'], series: [{ name: 'Rhône', cells: [{ state: 'suppressed', rule: 'dominance' }] }], unit: 'euros' })).toBe('Culture : Rhône secret statistique.');
  });

  it('renders to SVG on the server', () => {
    const svg = renderSvg(barsOption({ categories: ['A', 'B'], series: [{ name: 'X', cells: [v(3), v(5)] }], unit: 'count' }), { width: 300, height: 120 });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('>5<');
  });
});
