import type { EChartsOption } from 'echarts';
import { cellText, chartColours, chartFont, formatAxis, formatValue, textStyle, type ChartCell, type ChartUnit } from './theme';

/**
 * A structure's value over the years beside its peer group's median, and the interquartile band when the
 * quartiles are given. A year whose group figure is withheld or missing leaves a gap in the group line
 * (never a drop to zero) and says so under the year. Pure: an ECharts option for the browser or SSR.
 */

export interface EvolutionPoint {
  year: number;
  /** The structure's own value that year (yes/no answers as 1/0); null when not answered. */
  own: number | null;
  /** The group's central figure (median, or share for yes/no indicators). */
  median?: ChartCell;
  q1?: ChartCell;
  q3?: ChartCell;
}

export interface EvolutionInput {
  label: string;
  unit: ChartUnit;
  points: readonly EvolutionPoint[];
  ownLabel?: string;
  groupLabel?: string;
  animation?: boolean;
}

const val = (c: ChartCell | undefined): number | '-' => (c?.state === 'value' ? c.value : '-');

/** Whether every year with a median also has both quartiles, so a band can be drawn. */
const bandable = (ps: readonly EvolutionPoint[]) => ps.some((p) => p.q1?.state === 'value' && p.q3?.state === 'value');

/**
 * Plain-French description of the evolution, for `aria-label` and captions.
 * @example evolutionDescription({ label: 'Bénévoles', unit: 'count', points }) // 'Bénévoles. 2023 : votre structure 40, médiane du groupe 35. …'
 */
export function evolutionDescription(input: EvolutionInput): string {
  const own = input.ownLabel ?? 'votre structure';
  const group = input.groupLabel ?? 'médiane du groupe';
  return `${input.label}. ${input.points.map((p) => `${p.year} : ${own} ${p.own === null ? 'pas de réponse' : formatValue(p.own, input.unit)}, ${group} ${cellText(p.median, input.unit)}.`).join(' ')}`;
}

/**
 * The ECharts option: own line (solid, circles), group median (dashed, squares), optional band.
 * @example chart.setOption(evolutionOption({ label: 'Produits', unit: 'euros', points }))
 */
export function evolutionOption(input: EvolutionInput): EChartsOption {
  const { points, unit } = input;
  const ownLabel = input.ownLabel ?? 'Votre structure';
  const groupLabel = input.groupLabel ?? 'Médiane du groupe de pairs';
  const bandLabel = 'Du 1er au 3e quartile du groupe';
  const years = points.map((p) => {
    const missing = p.median && p.median.state !== 'value' ? cellText(p.median) : null;
    return missing ? `{year|${p.year}}\n{withheld|${missing.replace('secret statistique ', 'secret\n')}}` : `{year|${p.year}}`;
  });
  const band = bandable(points);
  const series: NonNullable<EChartsOption['series']> = [];
  if (band) {
    series.push(
      { name: 'q1', type: 'line', stack: 'band', data: points.map((p) => (p.q1?.state === 'value' && p.q3?.state === 'value' ? p.q1.value : '-')), lineStyle: { opacity: 0 }, symbol: 'none', silent: true, tooltip: { show: false } },
      {
        name: bandLabel, type: 'line', stack: 'band', symbol: 'none', silent: true, lineStyle: { opacity: 0 },
        areaStyle: { color: chartColours.groupFill, opacity: 1 },
        itemStyle: { color: chartColours.groupFill, borderColor: chartColours.group },
        data: points.map((p) => (p.q1?.state === 'value' && p.q3?.state === 'value' ? p.q3.value - p.q1.value : '-')),
      },
    );
  }
  series.push(
    {
      name: groupLabel, type: 'line', data: points.map((p) => val(p.median)), connectNulls: false,
      lineStyle: { color: chartColours.group, width: 2, type: 'dashed' }, itemStyle: { color: chartColours.group },
      symbol: 'rect', symbolSize: 9,
    },
    {
      name: ownLabel, type: 'line', data: points.map((p) => (p.own === null || !Number.isFinite(p.own) ? '-' : p.own)), connectNulls: false,
      lineStyle: { color: chartColours.self, width: 3 }, itemStyle: { color: chartColours.self },
      symbol: 'circle', symbolSize: 10, z: 5,
      label: { show: true, position: 'top', color: chartColours.self, fontSize: chartFont.smallSize, formatter: (p: unknown) => formatValue((p as { value: number }).value, unit) },
    },
  );
  return {
    animation: input.animation ?? false,
    aria: { enabled: true, label: { description: evolutionDescription(input) } },
    textStyle,
    legend: { top: 0, left: 0, textStyle: { ...textStyle }, data: [ownLabel, groupLabel, ...(band ? [{ name: bandLabel, icon: 'rect', itemStyle: { color: chartColours.groupFill, borderColor: chartColours.group, borderWidth: 1 } }] : [])] },
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (x: unknown) => (typeof x === 'number' ? formatValue(x, unit) : 'pas de valeur publiée') },
    xAxis: {
      type: 'category', data: years, boundaryGap: true,
      axisLine: { lineStyle: { color: chartColours.grid } },
      axisLabel: {
        interval: 0,
        rich: {
          year: { color: chartColours.text, fontSize: chartFont.size, fontFamily: chartFont.family },
          withheld: { color: chartColours.withheld, fontSize: chartFont.smallSize, fontStyle: 'italic', fontFamily: chartFont.family, align: 'center' },
        },
      },
    },
    yAxis: {
      type: 'value',
      ...(unit === 'yesno' ? { min: 0, max: 1 } : {}),
      axisLabel: { color: chartColours.muted, fontSize: chartFont.smallSize, hideOverlap: true, formatter: (x: number) => formatAxis(x, unit) },
      splitLine: { lineStyle: { color: chartColours.grid, type: 'dashed' } },
    },
    series,
  };
}
