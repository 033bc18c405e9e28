import * as echarts from 'echarts/core';
import { LineChart, LinesChart, MapChart as EMapChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { EChartView } from '../components/EChartView';
import { registerFranceMap } from '../../domain/charts/mapGeometry';

// What the dashboard and the public map draw, with the SVG renderer (same output as the server's PDFs).
echarts.use([LineChart, LinesChart, EMapChart, ScatterChart, AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);
registerFranceMap(echarts as unknown as Parameters<typeof registerFranceMap>[0]);

/** A dashboard chart or map: the shared SVG chart view, with the map and chart kinds registered above. */
export const Chart = EChartView;
