import type * as Echarts from 'echarts';
import { lazyModule } from '../lazyModule';
import type { EChartsOption } from 'echarts';
import { registerFranceMap } from '../domain/charts/mapGeometry';
import { renderSvg } from './chartSsr';

const echarts = lazyModule<typeof Echarts>('echarts');

/**
 * Server-side SVG of a map option (choropleth or points): registers the département map with the
 * server's ECharts, then renders like any other chart.
 * @example renderMapSvg(choroplethOption({ cells, indicatorLabel: 'Bénévoles', unit: 'count' }), { width: 640, height: 520 })
 */
export function renderMapSvg(option: EChartsOption, size: { width: number; height: number }): string {
  registerFranceMap(echarts);
  return renderSvg(option, size);
}
