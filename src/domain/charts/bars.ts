import type { EChartsOption } from 'echarts';
import { chartColours, chartFont, formatAxis, formatValue, seriesColours, textStyle, type ChartCell, type ChartUnit } from './theme';

/**
 * Horizontal bars of published cells: categories down the side, one bar per series (a territory beside
 * the nation, a structure beside its group). A withheld or missing cell draws no bar — never a zero —
 * and its category label says so (« s » secret, « – » no data). Pure: an ECharts option for the browser
 * or the server (SSR to SVG for the PDFs).
 */

export interface BarSeries {
  name: string;
  /** One cell per category, in the order of `categories`. */
  cells: readonly (ChartCell | undefined)[];
  colour?: string;
}

export interface BarsInput {
  categories: readonly string[];
  series: readonly BarSeries[];
  unit: ChartUnit;
  animation?: boolean;
}

const mark = (c: ChartCell | undefined): string | null => (!c || c.state === 'no_data' ? '–' : c.state === 'suppressed' ? 's' : null);

/**
 * A category label with the marks of its non-value cells, per series when there are several.
 * @example categoryLabel('Culture', [{ state: 'suppressed', rule: 'min_size' }]) // 'Culture (s)'
 */
export function categoryLabel(label: string, cells: readonly (ChartCell | undefined)[]): string {
  const marks = [...new Set(cells.map(mark).filter((m) => m !== null))];
  return marks.length ? `${label} (${marks.join(', ')})` : label;
}

/**
 * Plain-French description for `aria-label` and captions.
 * @example barsDescription({ categories: ['Culture'], series: [{ name: 'Rhône', cells: [v] }], unit: 'yesno' }) // 'Culture : Rhône 42 %.'
 */
export function barsDescription(input: BarsInput): string {
  return input.categories.map((c, i) => `${c} : ${input.series.map((s) => {
    const cell = s.cells[i];
    const text = !cell || cell.state === 'no_data' ? 'pas de données' : cell.state === 'suppressed' ? 'secret statistique' : formatValue(cell.value, input.unit);
    return `${s.name} ${text}`;
  }).join(', ')}.`).join(' ');
}

/** Height in pixels that fits `categories` rows of `series` bars (legend and axis included). */
export const barsHeight = (categories: number, series: number): number => 56 + Math.max(1, categories) * (10 + 14 * Math.max(1, series));

/**
 * The ECharts option: categories top to bottom in the given order, values labelled at the end of bars.
 * @example renderSvg(barsOption({ categories, series, unit: 'yesno' }), { width: 480, height: barsHeight(categories.length, 2) })
 */
export function barsOption(input: BarsInput): EChartsOption {
  const { unit } = input;
  const labels = input.categories.map((c, i) => categoryLabel(c, input.series.map((s) => s.cells[i])));
  const max = unit === 'yesno' ? 1 : unit === 'share' ? 100 : undefined;
  return {
    animation: input.animation ?? false,
    textStyle,
    color: input.series.map((s, i) => s.colour ?? seriesColours[i % seriesColours.length]),
    legend: input.series.length > 1 ? { top: 0, left: 'center', textStyle: { ...textStyle, fontSize: chartFont.smallSize }, itemWidth: 14, itemHeight: 10 } : undefined,
    grid: { left: 8, right: 56, top: input.series.length > 1 ? 28 : 8, bottom: 24, containLabel: true },
    xAxis: {
      type: 'value', min: 0, max,
      axisLabel: { ...textStyle, fontSize: chartFont.smallSize - 1, color: chartColours.muted, formatter: (v: number) => formatAxis(v, unit) },
      splitLine: { lineStyle: { color: chartColours.grid } },
    },
    yAxis: {
      type: 'category', inverse: true, data: labels,
      axisLabel: { ...textStyle, fontSize: chartFont.smallSize - 1, color: chartColours.text, width: 190, overflow: 'truncate' },
      axisTick: { show: false }, axisLine: { lineStyle: { color: chartColours.grid } },
    },
    series: input.series.map((s) => ({
      type: 'bar', name: s.name, barMaxWidth: 14, barGap: '15%',
      data: input.categories.map((_, i) => { const c = s.cells[i]; return c?.state === 'value' ? c.value : '-'; }),
      label: {
        show: true, position: 'right', fontFamily: chartFont.family, fontSize: chartFont.smallSize - 2, color: chartColours.text,
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? formatValue(p.value, unit) : ''),
      },
    })),
  } as EChartsOption;
}
