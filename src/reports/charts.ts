import type { EChartsOption } from 'echarts';
import { renderSvg } from '../domain/charts/ssr';
import { pdfSafe } from './format';

/** The embedded font's name, for chart labels drawn in PDFs. */
export const PDF_FONT = 'Roboto';

/**
 * An ECharts option rendered server-side to SVG for a pdfmake `svg` node, with French spacing the
 * embedded font can draw.
 * @example { svg: chartSvg(barsOption(input), 515, 300), width: 515 }
 */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  return pdfSafe(renderSvg(option, { width, height }));
}
