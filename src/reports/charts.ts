import type { EChartsOption } from 'echarts';
import { renderSvg } from './chartSsr';
import { renderMapSvg } from './mapSsr';
import { pdfSafe } from './format';

/** The embedded font's name, for chart labels drawn in PDFs. */
const PDF_FONT = 'Roboto';

/** Every `fontFamily` of an option set to the embedded font, the only one pdfkit can draw the SVG text with. */
function withPdfFont<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withPdfFont) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'fontFamily' ? PDF_FONT : withPdfFont(v)])) as T;
  }
  return value;
}

/**
 * An ECharts option rendered server-side to SVG for a pdfmake `svg` node, in the embedded font and with
 * French spacing that font can draw.
 * @example { svg: chartSvg(barsOption(input), 660, 300), width: 515 }
 */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  return pdfSafe(renderSvg(withPdfFont(option), { width, height }));
}

/**
 * A map option (choropleth) rendered like `chartSvg`, with the département map registered.
 * @example { svg: mapSvg(choroplethOption(input), 660, 520), width: 515 }
 */
export function mapSvg(option: EChartsOption, width: number, height: number): string {
  return pdfSafe(renderMapSvg(withPdfFont(option), { width, height }));
}
