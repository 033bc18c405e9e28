import * as echarts from 'echarts/core';
import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { EChartView } from '../components/EChartView';

// Only what the comparison pages draw, and the SVG renderer: a fraction of the full ECharts bundle.
echarts.use([BarChart, BoxplotChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A comparison chart: the shared SVG chart view, with the chart kinds registered above. */
export const EChart = EChartView;
