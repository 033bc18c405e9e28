import type * as Echarts from 'echarts';
import { lazyModule } from '../lazyModule';
import type { EChartsOption } from 'echarts';

const echarts = lazyModule<typeof Echarts>('echarts');

/**
 * Renders an option to an SVG string on the server (PDF plaquettes, tests), with ECharts' SSR mode:
 * no DOM, no canvas. The chart is disposed at once.
 * @example const svg = renderSvg(boxplotOption({ rows, unit: 'euros' }), { width: 640, height: 200 })
 */
export function renderSvg(option: EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
