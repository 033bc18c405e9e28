import { useMemo } from 'react';
import type { EChartsOption } from 'echarts';
import { EChartView } from '../components/EChartView';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { palette } from '../../domain/charts/theme';

echarts.use([GraphChart, LegendComponent, TooltipComponent, SVGRenderer]);

export interface NetworkData {
  nodes: { id: string; kind: 'structure' | 'partner'; label: string; category: string; degree: number }[];
  links: { source: string; target: string }[];
}

const colours = [palette.vermillion, palette.blue, palette.green, palette.purple, palette.orange, palette.sky, palette.black];

/**
 * The partnership network as a force-directed graph (SVG). For screen readers it is one image described in
 * words; the table beside it holds every partnership.
 */
export function NetworkChart({ data, description }: { data: NetworkData; description: string }) {
  const option = useMemo(() => networkOption(data), [data]);
  return <EChartView option={option} height={480} description={description} />;
}

function networkOption(data: NetworkData): EChartsOption {
  const categories = [...new Set(data.nodes.map((n) => n.category))];
  const degrees = data.nodes.filter((n) => n.kind === 'partner').map((n) => n.degree).sort((a, b) => b - a);
  const labelFrom = Math.max(3, degrees[Math.min(7, degrees.length - 1)] ?? 3);
  return {
    tooltip: { formatter: ((p: { dataType?: string; data: { name?: string; category?: number; value?: number } }) => (p.dataType === 'node' ? `${p.data.name} – ${categories[p.data.category ?? 0]} (${p.data.value} lien${(p.data.value ?? 0) > 1 ? 's' : ''})` : '')) as never },
    legend: { data: categories, bottom: 0, type: 'scroll' },
    color: colours,
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 140, edgeLength: [40, 110], gravity: 0.08 },
      categories: categories.map((name) => ({ name })),
      label: { show: false, fontSize: 11 },
      emphasis: { focus: 'adjacency', label: { show: true } },
      lineStyle: { color: '#9AA3AD', width: 1, opacity: 0.7 },
      data: data.nodes.map((n) => ({
        id: n.id, name: n.label, value: n.degree, category: categories.indexOf(n.category),
        symbol: n.kind === 'structure' ? 'rect' : 'circle', symbolSize: n.kind === 'structure' ? 9 : Math.min(30, 6 + n.degree * 2),
        // The most shared partners are named on the graph; every name is in the table.
        label: { show: n.kind === 'partner' && n.degree >= labelFrom, position: 'right', color: '#1E1E1E' },
      })),
      links: data.links.map((l) => ({ source: l.source, target: l.target })),
    }],
  };
}
