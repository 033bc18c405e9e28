import type { EChartsOption } from 'echarts';
import { departementShapes, MAP_BOUNDS, MAP_CREDIT, mapProjectionOption, shapeBBox } from './mapGeometry';
import { cellText, chartColours, chartFont, formatValue, textStyle, type ChartCell, type ChartUnit } from './theme';

/**
 * Choropleth of départements for one indicator, from cells of the disclosure gate. Pure: it returns an
 * ECharts option (browser or server SVG) and the table equivalent; register the map first with
 * `registerFranceMap(echarts)` (mapGeometry.ts).
 *
 * The three states of a published cell stay distinct: values are coloured by class, suppressed cells are
 * grey and hatched (« secret statistique »), départements without data are white with a dashed border.
 *
 * @example
 * import * as echarts from 'echarts';
 * import { registerFranceMap, choroplethOption } from '../domain/charts/map';
 * registerFranceMap(echarts);
 * const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 520 });
 * chart.setOption(choroplethOption({
 *   indicatorLabel: 'Bénévoles', unit: 'count',
 *   cells: [{ code: '69', cell: { state: 'value', value: 420, n: 12 } }, { code: '01', cell: { state: 'suppressed', rule: 'min_size' } }],
 * }));
 * const svg = chart.renderToSVGString(); // or renderMapSvg(option, size) from src/reports/mapSsr.ts
 */

/** Sequential palette (ColorBrewer YlGnBu, safe for colour-vision deficiencies), lightest first. */
export const choroplethPalette: Record<number, readonly string[]> = {
  2: ['#a1dab4', '#225ea8'],
  3: ['#edf8b1', '#41b6c4', '#225ea8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
};

/** Colours of the two non-value states. */
export const choroplethStates = {
  suppressed: { color: '#B4B9C0', hatch: '#4A4F57', label: 'Secret statistique' },
  noData: { color: '#FFFFFF', border: '#8A9099', label: 'Pas de données' },
} as const;

export type ClassMethod = 'quantile' | 'jenks';

/**
 * Class breaks [min, b1, …, max] (k classes) of values by quantiles or Jenks natural breaks; fewer classes
 * when there are fewer distinct values.
 * @example classBreaks([1, 2, 3, 4, 10, 11, 12], 2, 'jenks') // [1, 4, 12]
 */
export function classBreaks(values: readonly number[], k: number, method: ClassMethod = 'quantile'): number[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  const classes = Math.max(1, Math.min(k, distinct.length));
  if (classes === 1) return [sorted[0], sorted[sorted.length - 1]];
  const breaks = method === 'jenks' ? jenks(sorted, classes) : quantileBreaks(sorted, classes);
  return [...new Set(breaks)];
}

function quantileBreaks(sorted: number[], k: number): number[] {
  // Breaks are data values (nearest rank), so legends show figures that exist, not interpolations.
  const out = [sorted[0]];
  for (let i = 1; i < k; i++) out.push(sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * i) / k) - 1)]);
  out.push(sorted[sorted.length - 1]);
  return out;
}

/** Jenks natural breaks (Fisher's exact optimisation by dynamic programming; n ≤ a few hundred). */
function jenks(data: number[], k: number): number[] {
  const n = data.length;
  const lower = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  const variance = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  for (let j = 1; j <= k; j++) { lower[1][j] = 1; variance[1][j] = 0; }
  for (let l = 2; l <= n; l++) {
    let s1 = 0; let s2 = 0; let w = 0; let v = 0;
    for (let m = 1; m <= l; m++) {
      const i3 = l - m + 1; const val = data[i3 - 1];
      s2 += val * val; s1 += val; w++;
      v = s2 - (s1 * s1) / w;
      const i4 = i3 - 1;
      if (i4 !== 0) {
        for (let j = 2; j <= k; j++) {
          if (variance[l][j] >= v + variance[i4][j - 1]) { lower[l][j] = i3; variance[l][j] = v + variance[i4][j - 1]; }
        }
      }
    }
    lower[l][1] = 1; variance[l][1] = v;
  }
  const breaks = new Array<number>(k + 1);
  breaks[k] = data[n - 1]; breaks[0] = data[0];
  let idx = n;
  for (let j = k; j >= 2; j--) {
    const id = lower[idx][j] - 2;
    breaks[j - 1] = data[id];
    idx = lower[idx][j] - 1;
  }
  return breaks;
}

/**
 * Index of the class a value falls in (classes are closed on the right, the first one on both sides).
 * @example classOf(5, [0, 4, 8]) // 1
 */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 1; i < breaks.length; i++) if (value <= breaks[i]) return i - 1;
  return Math.max(0, breaks.length - 2);
}

/**
 * French label of each class: « de 12 à 25 », units as the theme formats them.
 * @example classLabels([0, 4, 8], 'count') // ['de 0 à 4', 'de 4 à 8']
 */
export function classLabels(breaks: readonly number[], unit: ChartUnit): string[] {
  if (breaks.length === 2 && breaks[0] === breaks[1]) return [formatValue(breaks[0], unit)];
  const out: string[] = [];
  for (let i = 1; i < breaks.length; i++) out.push(`de ${formatValue(breaks[i - 1], unit)} à ${formatValue(breaks[i], unit)}`);
  return out;
}

export interface ChoroplethCell { code: string; cell: ChartCell }

export interface ChoroplethInput {
  /** Published cells per département code; départements not listed read « pas de données ». */
  cells: readonly ChoroplethCell[];
  indicatorLabel: string;
  unit: ChartUnit;
  /** Chart title (none by default: pages and PDFs usually title the figure themselves). */
  title?: string;
  /** Number of classes, 2–6 (5 by default). */
  classes?: number;
  method?: ClassMethod;
  /** Département codes to show (a région's); the map zooms on them. All départements by default. */
  only?: readonly string[];
  /** Print the map credit inside the chart (true by default; turn off when the page prints it beside). */
  credit?: boolean;
  /** Draw the legend (true by default). */
  legend?: boolean;
  /** A département to outline (the one whose dashboard is shown). */
  highlight?: string;
}

export interface ChoroplethRow {
  code: string;
  name: string;
  state: ChartCell['state'];
  /** Value, or null when suppressed / no data. */
  value: number | null;
  /** What a reader sees: « 1 250 », « secret statistique (trop peu de structures) », « pas de données ». */
  text: string;
  /** Class label for values, or the state's label. */
  legend: string;
  /** Fill colour on the map. */
  color: string;
}

/**
 * The table equivalent of the map, one row per département shown, sorted by code; also what the option
 * is built from, so the map and its table cannot disagree.
 * @example choroplethRows({ cells: [], indicatorLabel: 'x', unit: 'count' }).length // 101
 */
export function choroplethRows(input: ChoroplethInput): { rows: ChoroplethRow[]; breaks: number[]; labels: string[]; colours: readonly string[] } {
  const wanted = input.only ? new Set(input.only) : null;
  const shapes = departementShapes().filter((s) => !wanted || wanted.has(s.code));
  const byCode = new Map(input.cells.map((c) => [c.code, c.cell]));
  const values = shapes.map((s) => byCode.get(s.code)).flatMap((c) => (c?.state === 'value' ? [c.value] : []));
  const k = Math.min(6, Math.max(2, input.classes ?? 5));
  const breaks = classBreaks(values, k, input.method ?? 'quantile');
  const nClasses = Math.max(1, breaks.length - 1);
  const colours = choroplethPalette[Math.max(2, nClasses)].slice(-nClasses);
  const labels = breaks.length ? classLabels(breaks, input.unit) : [];
  const rows = shapes.map((s): ChoroplethRow => {
    const cell = byCode.get(s.code) ?? { state: 'no_data' as const };
    if (cell.state === 'value') {
      const c = classOf(cell.value, breaks);
      return { code: s.code, name: s.name, state: 'value', value: cell.value, text: formatValue(cell.value, input.unit), legend: labels[c] ?? '', color: colours[c] ?? colours[0] };
    }
    if (cell.state === 'suppressed') {
      return { code: s.code, name: s.name, state: 'suppressed', value: null, text: cellText(cell, input.unit), legend: choroplethStates.suppressed.label, color: choroplethStates.suppressed.color };
    }
    return { code: s.code, name: s.name, state: 'no_data', value: null, text: 'pas de données', legend: choroplethStates.noData.label, color: choroplethStates.noData.color };
  });
  return { rows, breaks, labels, colours };
}


/** Hatching of suppressed cells (ECharts decal, rendered as an SVG pattern on the server too). */
const hatch = { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: choroplethStates.suppressed.hatch };

/**
 * The ECharts option of the choropleth (see the file comment for an example).
 * Data items are named by département code and carry `nom` and `text` for tooltips.
 */
export function choroplethOption(input: ChoroplethInput): EChartsOption {
  const { rows, labels, colours } = choroplethRows(input);
  const showLegend = input.legend !== false;
  // Hatching must sit on the series item (ECharts ignores a decal in geo.regions).
  const data = rows.map((r) => ({ name: r.code, value: r.value ?? undefined, nom: r.name, text: r.text, ...(r.state === 'suppressed' ? { itemStyle: { areaColor: r.color, decal: hatch } } : {}) }));
  const legend: LegendEntry[] = [
    ...labels.map((label, i): LegendEntry => ({ label, color: colours[i], kind: 'value' })).reverse(),
    // The three states always appear in the legend, even when the map has none of one kind.
    { label: choroplethStates.suppressed.label, color: choroplethStates.suppressed.color, kind: 'suppressed' },
    { label: choroplethStates.noData.label, color: choroplethStates.noData.color, kind: 'no_data' },
  ];
  const box = input.only && rows.length ? viewOf(rows.map((r) => r.code)) : null;
  const credit = input.credit !== false;
  const legendWidth = showLegend ? 180 : 0;
  const geo = mapGeoComponent({ box, left: 8, right: legendWidth + 8, top: input.title ? 36 : 8, bottom: credit ? 38 : 8 });
  return {
    aria: { enabled: true, label: { description: `Carte des départements : ${input.indicatorLabel}. Le tableau qui l’accompagne donne chaque valeur.` } },
    textStyle,
    ...(input.title ? { title: { text: input.title, left: 'center', textStyle: { fontSize: chartFont.size + 2, color: chartColours.text, fontFamily: chartFont.family } } } : {}),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data?: { nom?: string; text?: string; name?: string } }).data;
        return d?.nom ? `${d.nom} (${d.name})<br/>${input.indicatorLabel} : ${d.text}` : '';
      },
    },
    geo: { ...geo, regions: rows.map((r) => ({ name: r.code, itemStyle: r.code === input.highlight ? { ...regionStyle(r), borderColor: chartColours.text, borderWidth: 2.5, borderType: 'solid' as const } : regionStyle(r) })) },
    series: [
      { type: 'map', geoIndex: 0, data },
      ...insetFrameSeries(box),
    ],
    graphic: [...(showLegend ? [legendGraphic(legend)] : []), ...(credit ? [creditGraphic()] : [])],
  } as EChartsOption;
}

function regionStyle(r: ChoroplethRow) {
  if (r.state === 'suppressed') return { areaColor: r.color, decal: hatch };
  if (r.state === 'no_data') return { areaColor: r.color, borderColor: choroplethStates.noData.border, borderType: 'dashed' as const, borderWidth: 0.8 };
  return { areaColor: r.color };
}

interface LegendEntry { label: string; color: string; kind: 'value' | 'suppressed' | 'no_data' }

/** The legend drawn as graphics (so the hatching and the outlined white swatch show as on the map). */
function legendGraphic(entries: LegendEntry[]) {
  const rowH = 20;
  const children = entries.flatMap((e, i) => {
    const y = i * rowH;
    const swatch = { type: 'rect', shape: { x: 0, y, width: 18, height: 13 }, style: { fill: e.color, stroke: e.kind === 'no_data' ? choroplethStates.noData.border : e.color, lineWidth: 1, lineDash: e.kind === 'no_data' ? [3, 2] : undefined } };
    const lines = e.kind === 'suppressed' ? [0, 6, 12, 18].map((o) => ({ type: 'line', shape: { x1: Math.max(0, o - 13), y1: y + Math.min(13, o), x2: Math.min(18, o), y2: y + Math.max(0, o - 18) }, style: { stroke: choroplethStates.suppressed.hatch, lineWidth: 1 } })) : [];
    const text = { type: 'text', x: 26, y: y + 7, style: { text: e.label, fontSize: chartFont.smallSize, fill: chartColours.text, fontFamily: chartFont.family, verticalAlign: 'middle' } };
    return [swatch, ...lines, text];
  });
  return { type: 'group', right: 24, top: 'middle', silent: true, children };
}

/** The map credit as an ECharts graphic (two lines, bottom left). */
export function creditGraphic() {
  const [a, b] = MAP_CREDIT.split(' ; ');
  return { type: 'text', left: 8, bottom: 4, silent: true, style: { text: `${a} ;\n${b[0].toUpperCase()}${b.slice(1)}`, fontSize: 10, lineHeight: 13, fill: chartColours.muted, fontFamily: chartFont.family } };
}

/**
 * The `geo` component that draws the département map plane; choropleths and point maps share it.
 * Départements without data are white; those outside a zoom stay as light context.
 */
export function mapGeoComponent(p: { box?: [[number, number], [number, number]] | null; left: number; right: number; top: number; bottom: number }) {
  // Without a zoom, frame the whole plane (the insets' frames lie outside the départements' own extent).
  const whole: [[number, number], [number, number]] = [[MAP_BOUNDS.x, MAP_BOUNDS.y], [MAP_BOUNDS.x + MAP_BOUNDS.width, MAP_BOUNDS.y + MAP_BOUNDS.height]];
  return {
    ...mapProjectionOption,
    boundingCoords: p.box ?? whole,
    roam: false, selectedMode: false, silent: false,
    left: p.left, right: p.right, top: p.top, bottom: p.bottom,
    itemStyle: { areaColor: '#F3F4F6', borderColor: '#FFFFFF', borderWidth: 0.6 },
    emphasis: { label: { show: false }, itemStyle: { borderColor: chartColours.text, borderWidth: 1.5 } },
    label: { show: false },
    tooltip: { show: true },
  };
}

/** Frames and names of the overseas insets (a `lines` series and a label-only `scatter` on the geo). */
export function insetFrameSeries(box?: [[number, number], [number, number]] | null) {
  const frames = departementShapes().filter((s) => s.inset && (!box || overlaps(s.inset, box)));
  if (!frames.length) return [];
  return [
    {
      type: 'lines', coordinateSystem: 'geo', geoIndex: 0, polyline: true, silent: true, z: 1,
      lineStyle: { color: chartColours.grid, width: 1 },
      data: frames.map((s) => {
        const { x, y, width, height } = s.inset!;
        return { coords: [[x, y], [x + width, y], [x + width, y + height], [x, y + height], [x, y]] };
      }),
    },
    {
      type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, symbolSize: 0, silent: true, tooltip: { show: false },
      label: { show: true, position: 'right', formatter: '{b}', fontSize: 10, color: chartColours.muted, fontFamily: chartFont.family },
      data: frames.map((s) => ({ name: s.name, value: [s.inset!.x + 1, s.inset!.y + 7] })),
    },
  ];
}

const overlaps = (r: { x: number; y: number; width: number; height: number }, box: [[number, number], [number, number]]) =>
  r.x < box[1][0] && r.x + r.width > box[0][0] && r.y < box[1][1] && r.y + r.height > box[0][1];

/** Bounding coordinates (top-left, bottom-right, in the map plane) around some départements, with a margin. */
export function viewOf(codes: readonly string[]): [[number, number], [number, number]] {
  const set = new Set(codes);
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  for (const s of departementShapes()) {
    if (!set.has(s.code)) continue;
    const b = shapeBBox(s);
    minX = Math.min(minX, b.minX); minY = Math.min(minY, b.minY); maxX = Math.max(maxX, b.maxX); maxY = Math.max(maxY, b.maxY);
  }
  if (!Number.isFinite(minX)) return [[MAP_BOUNDS.x, MAP_BOUNDS.y], [MAP_BOUNDS.x + MAP_BOUNDS.width, MAP_BOUNDS.y + MAP_BOUNDS.height]];
  const m = Math.max(4, (maxX - minX) * 0.04);
  return [[minX - m, minY - m], [maxX + m, maxY + m]];
}
