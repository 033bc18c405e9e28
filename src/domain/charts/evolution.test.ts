import { describe, expect, it } from 'vitest';
import { evolutionDescription, evolutionOption, type EvolutionPoint } from './evolution';
import { renderSvg } from '../../reports/chartSsr';

const value = (v: number) => ({ state: 'value' as const, value: v, n: 9 });
const points: EvolutionPoint[] = [
  { year: 2022, own: 30, median: value(25) },
  { year: 2023, own: null, median: { state: 'suppressed', rule: 'complement' } },
  { year: 2024, own: 42, median: value(28) },
];

type Series = { name: string; data: unknown[]; areaStyle?: unknown };

describe('evolutionOption', () => {
  it('draws the own values and the group median, with gaps (not zeros) where nothing is published', () => {
    const o = evolutionOption({ label: 'Bénévoles', unit: 'count', points }) as { series: Series[]; xAxis: { data: string[] } };
    expect(o.series.map((s) => s.name)).toEqual(['Médiane du groupe de pairs', 'Votre structure']);
    expect(o.series[0].data).toEqual([25, '-', 28]);
    expect(o.series[1].data).toEqual([30, '-', 42]);
    expect(o.xAxis.data[1]).toContain('secret');
    expect(o.xAxis.data[0]).toBe('{year|2022}');
  });

  it('adds the interquartile band when quartiles are given', () => {
    const withBand = points.map((p) => ({ ...p, q1: value(20), q3: value(35) }));
    const o = evolutionOption({ label: 'Bénévoles', unit: 'count', points: withBand }) as { series: Series[] };
    expect(o.series).toHaveLength(4);
    expect(o.series[0].data).toEqual([20, 20, 20]);
    expect(o.series[1].data).toEqual([15, 15, 15]);
    expect(o.series[1].areaStyle).toBeDefined();
  });

  it('describes every year in French and renders to SVG', () => {
    const d = evolutionDescription({ label: 'Bénévoles', unit: 'count', points });
    expect(d).toBe('Bénévoles. 2022 : votre structure 30, médiane du groupe 25. 2023 : votre structure pas de réponse, médiane du groupe secret statistique (groupe complémentaire trop petit). 2024 : votre structure 42, médiane du groupe 28.');
    const svg = renderSvg(evolutionOption({ label: 'Bénévoles', unit: 'count', points }), { width: 600, height: 260 });
    expect(svg).toContain('<svg');
    expect(svg).toContain('2024');
  });

  it('reads yes/no answers as percentages on a 0–100 % axis', () => {
    const o = evolutionOption({ label: 'Culture', unit: 'yesno', points: [{ year: 2024, own: 1, median: value(0.6) }] }) as { yAxis: { min: number; max: number } };
    expect(o.yAxis).toMatchObject({ min: 0, max: 1 });
  });
});
