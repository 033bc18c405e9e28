import type { EChartsOption } from 'echarts';
import { cellText, chartColours, chartFont, formatAxis, formatValue, textStyle, type ChartCell, type ChartUnit } from './theme';

/**
 * Box plots of a peer group's published quartiles, one row per indicator (or per peer group), with the
 * structure's own value as a marker. Only published cells are drawn: the gate gives q1, median and q3,
 * never the minimum or maximum (they would be one structure's value), so the boxes have no whiskers.
 * A row whose quartiles are withheld draws no box and says why in its label: never a zero.
 * Pure: returns an ECharts option for the browser (SVG renderer) or the server (SSR to SVG for PDFs).
 */

/** One row: a label, the group's quartile cells and the structure's own value. */
export interface BoxRow {
  label: string;
  q1?: ChartCell;
  median?: ChartCell;
  q3?: ChartCell;
  /** The structure's own value; null when it did not answer. */
  own?: number | null;
}

export interface BoxplotInput {
  rows: readonly BoxRow[];
  /** Unit of the value axis, shared by every row (put rows of one unit together). */
  unit: ChartUnit;
  ownLabel?: string;
  groupLabel?: string;
  /** Off for server-side rendering and tests. */
  animation?: boolean;
}

/** Whether a row has a drawable box (its three quartiles are published values). */
export const hasBox = (r: BoxRow): boolean => r.q1?.state === 'value' && r.median?.state === 'value' && r.q3?.state === 'value';

/** Why a row has no box, in French (the first withheld quartile's rule), or null when it has one. */
export function missingBoxText(r: BoxRow): string | null {
  if (hasBox(r)) return null;
  const cells = [r.median, r.q1, r.q3];
  const withheld = cells.find((c) => c?.state === 'suppressed');
  return cellText(withheld ?? { state: 'no_data' });
}

const v = (c: ChartCell | undefined) => (c?.state === 'value' ? c.value : NaN);

/**
 * A plain-French description of the chart, for `aria-label` and captions.
 * @example boxplotDescription({ rows: [{ label: 'Produits', q1, median, q3, own: 120000 }], unit: 'euros' })
 *   // 'Produits : groupe de pairs de 80 000 € à 150 000 €, médiane 110 000 € ; votre structure : 120 000 €.'
 */
export function boxplotDescription(input: BoxplotInput): string {
  const own = input.ownLabel ?? 'votre structure';
  return input.rows.map((r) => {
    const ownText = r.own === null || r.own === undefined ? `${own} : pas de réponse` : `${own} : ${formatValue(r.own, input.unit)}`;
    const group = hasBox(r)
      ? `groupe de pairs de ${formatValue(v(r.q1), input.unit)} à ${formatValue(v(r.q3), input.unit)}, médiane ${formatValue(v(r.median), input.unit)}`
      : `groupe de pairs : ${missingBoxText(r)}`;
    return `${r.label} : ${group} ; ${ownText}.`;
  }).join(' ');
}

/**
 * The ECharts option of the box plot: horizontal boxes (label on the left), a diamond for the structure.
 * @example const chart = echarts.init(el, null, { renderer: 'svg' }); chart.setOption(boxplotOption({ rows, unit: 'euros' }));
 */
export function boxplotOption(input: BoxplotInput): EChartsOption {
  const { rows, unit } = input;
  const ownLabel = input.ownLabel ?? 'Votre structure';
  const groupLabel = input.groupLabel ?? 'Groupe de pairs (quartiles)';
  // Rich text lines are wrapped here (ECharts' own breaking overlaps rich segments); the reason itself is in the table.
  const labels = rows.map((r) => {
    const lines = wrap(r.label, 30).map((l) => `{label|${l}}`).join('\n');
    if (hasBox(r)) return lines;
    const secret = [r.median, r.q1, r.q3].some((c) => c?.state === 'suppressed');
    return `${lines}\n{withheld|${secret ? 'secret statistique' : missingBoxText(r)}}`;
  });
  // [min, Q1, median, Q3, max] with min = Q1 and max = Q3: no whiskers, nothing beyond the published cells.
  const boxes: (number | '-')[][] = rows.map((r) => (hasBox(r) ? [v(r.q1), v(r.q1), v(r.median), v(r.q3), v(r.q3)] : ['-', '-', '-', '-', '-']));
  const marks = rows.flatMap((r, i) => (typeof r.own === 'number' && Number.isFinite(r.own) ? [[r.own, i]] : []));
  const rowHeight = 56;
  return {
    animation: input.animation ?? false,
    aria: { enabled: true, label: { description: boxplotDescription(input) } },
    textStyle,
    color: [chartColours.group, chartColours.self],
    legend: {
      top: 0, left: 0, textStyle: { ...textStyle },
      data: [{ name: groupLabel, icon: 'rect', itemStyle: { color: chartColours.groupFill, borderColor: chartColours.group, borderWidth: 2 } }, { name: ownLabel, icon: 'diamond' }],
    },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true, height: Math.max(rowHeight, rows.length * rowHeight) },
    tooltip: { trigger: 'item', confine: true },
    xAxis: {
      type: 'value',
      splitNumber: 4,
      axisLabel: { color: chartColours.muted, fontSize: chartFont.smallSize, hideOverlap: true, formatter: (x: number) => formatAxis(x, unit) },
      splitLine: { lineStyle: { color: chartColours.grid, type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartColours.grid } },
      axisLabel: {
        interval: 0,
        rich: {
          label: { color: chartColours.text, fontSize: chartFont.size, fontFamily: chartFont.family, lineHeight: 17, align: 'right' },
          withheld: { color: chartColours.withheld, fontSize: chartFont.smallSize, fontStyle: 'italic', fontFamily: chartFont.family, lineHeight: 16, align: 'right' },
        },
      },
    },
    series: [
      {
        name: groupLabel,
        type: 'boxplot',
        data: boxes,
        boxWidth: [10, 20],
        itemStyle: { color: chartColours.groupFill, borderColor: chartColours.group, borderWidth: 2 },
        tooltip: {
          formatter: (p: unknown) => {
            const i = (p as { dataIndex: number }).dataIndex;
            const r = rows[i];
            return `${r.label}<br>1er quartile : ${formatValue(v(r.q1), unit)}<br>Médiane : ${formatValue(v(r.median), unit)}<br>3e quartile : ${formatValue(v(r.q3), unit)}`;
          },
        },
      },
      {
        name: ownLabel,
        type: 'scatter',
        data: marks,
        symbol: 'diamond',
        symbolSize: 18,
        z: 5,
        itemStyle: { color: chartColours.self, borderColor: chartColours.background, borderWidth: 1.5 },
        label: { show: true, position: 'top', distance: 8, color: chartColours.self, fontWeight: 'bold', fontSize: chartFont.smallSize, formatter: (p: unknown) => formatValue((p as { value: number[] }).value[0], unit) },
        tooltip: { formatter: (p: unknown) => `${ownLabel} : ${formatValue((p as { value: number[] }).value[0], unit)}` },
      },
    ],
  };
}

/** Splits a label into lines of at most `width` characters, at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Height in pixels that fits a box plot of `rows` rows (legend, rows, axis). */
export const boxplotHeight = (rows: number): number => 40 + Math.max(1, rows) * 56 + 36;
