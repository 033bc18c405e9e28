import { describe, expect, it } from 'vitest';
import { boxplotDescription, boxplotHeight, boxplotOption, hasBox, missingBoxText, wrap, type BoxRow } from './boxplot';
import { renderSvg } from '../../reports/chartSsr';

const value = (v: number, n = 12) => ({ state: 'value' as const, value: v, n });
const rows: BoxRow[] = [
  { label: 'Produits', q1: value(200_000), median: value(350_000), q3: value(600_000), own: 420_000 },
  { label: 'Charges', q1: { state: 'suppressed', rule: 'min_size' }, median: { state: 'suppressed', rule: 'min_size' }, q3: { state: 'suppressed', rule: 'min_size' }, own: 410_000 },
  { label: 'Masse salariale', q1: { state: 'no_data' }, median: { state: 'no_data' }, q3: { state: 'no_data' }, own: null },
];

describe('boxplotOption', () => {
  it('draws a whisker-less box from the published quartiles only, and the own value as a diamond', () => {
    const o = boxplotOption({ rows, unit: 'euros' }) as { series: { type: string; data: unknown[] }[] };
    const [box, mark] = o.series;
    expect(box.type).toBe('boxplot');
    expect(box.data[0]).toEqual([200_000, 200_000, 350_000, 600_000, 600_000]);
    expect(mark).toMatchObject({ type: 'scatter', symbol: 'diamond' });
    expect(mark.data).toEqual([[420_000, 0], [410_000, 1]]);
  });

  it('shows withheld and missing rows as such, never as zero', () => {
    const o = boxplotOption({ rows, unit: 'euros' }) as { series: { data: unknown[] }[]; yAxis: { data: string[] } };
    expect(o.series[0].data[1]).toEqual(['-', '-', '-', '-', '-']);
    expect(o.series[0].data[2]).toEqual(['-', '-', '-', '-', '-']);
    expect(o.yAxis.data[1]).toBe('{label|Charges}\n{withheld|secret statistique}');
    expect(o.yAxis.data[2]).toContain('pas de données');
    expect(hasBox(rows[0])).toBe(true);
    expect(missingBoxText(rows[0])).toBeNull();
    expect(missingBoxText({ label: 'x', median: value(1), q1: { state: 'suppressed', rule: 'dominance' }, q3: value(2) })).toMatch(/pèse trop/);
  });

  it('wraps long labels at spaces', () => {
    expect(wrap('Familles et parentalité : personnes touchées', 30)).toEqual(['Familles et parentalité :', 'personnes touchées']);
    expect(wrap('Court', 30)).toEqual(['Court']);
  });

  it('describes itself in French for screen readers', () => {
    const d = boxplotDescription({ rows, unit: 'euros' });
    expect(d).toMatch(/^Produits : groupe de pairs de 200\s000 € à 600\s000 €, médiane 350\s000 € ; votre structure : 420\s000 €\./);
    expect(d).toContain('Charges : groupe de pairs : secret statistique');
    expect(d).toContain('Masse salariale : groupe de pairs : pas de données ; votre structure : pas de réponse.');
    expect((boxplotOption({ rows, unit: 'euros' }) as { aria: { label: { description: string } } }).aria.label.description).toBe(d);
  });

  it('renders to SVG on the server with the marker and the withheld label', () => {
    const svg = renderSvg(boxplotOption({ rows, unit: 'euros' }), { width: 640, height: boxplotHeight(rows.length) });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('secret statistique');
    expect(svg).toContain('#C04A00'); // the marker's colour
  });
});
