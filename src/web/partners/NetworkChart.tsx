import { useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import { EChartView } from '../components/EChartView';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { palette } from '../../domain/charts/theme';

echarts.use([GraphChart, TooltipComponent, SVGRenderer]);

export interface NetworkData {
  nodes: { id: string; kind: 'structure' | 'partner'; label: string; category: string; degree: number }[];
  links: { source: string; target: string }[];
}

/** Partner types: five colours far apart (never two shades of blue), then the next shape. */
const partnerColours = [palette.green, palette.purple, palette.orange, palette.black, palette.blue];
const partnerShapes = ['circle', 'diamond', 'triangle'] as const;
/** Structures are squares: centres sociaux vermillion, EVS blue. */
const structureColours = [palette.vermillion, palette.blue];

export interface CategoryStyle { name: string; symbol: string; colour: string }

/**
 * How each category of the network is drawn: structures as squares, partner types as circles, then diamonds,
 * triangles…, each in one of five distinct colours, so that no two categories share both shape and colour.
 * @example categoryStyles(['Centre social', 'CAF', 'Commune'], new Set(['Centre social']))
 * // → [{ name: 'Centre social', symbol: 'rect', … }, { name: 'CAF', symbol: 'circle', colour: green }, { name: 'Commune', symbol: 'circle', colour: purple }]
 */
export function categoryStyles(categories: readonly string[], structureCategories: ReadonlySet<string>): CategoryStyle[] {
  let s = 0;
  let p = 0;
  return categories.map((name) => {
    if (structureCategories.has(name)) {
      const i = s++;
      return { name, symbol: i < structureColours.length ? 'rect' : 'roundRect', colour: structureColours[i % structureColours.length] };
    }
    const i = p++;
    return { name, symbol: partnerShapes[Math.floor(i / partnerColours.length) % partnerShapes.length], colour: partnerColours[i % partnerColours.length] };
  });
}

/**
 * The partnership network as a force-directed graph (SVG). For screen readers it is one image described in
 * words; the table beside it holds every partnership.
 */
export function NetworkChart({ data, description }: { data: NetworkData; description: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    if (!box.current) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.round(e.contentRect.width)));
    ro.observe(box.current);
    return () => ro.disconnect();
  }, []);
  const { option, styles } = useMemo(() => networkOption(data, width), [data, width]);
  return (
    <div ref={box} className="network-chart">
      <EChartView option={option} height={width < 600 ? 420 : 520} description={description} />
      {/* The legend in the page, not in the drawing: it wraps on a phone and never covers a node. */}
      <ul className="network-legend" aria-label="Légende du graphe">
        {styles.map((c) => <li key={c.name}><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false"><path d={legendShapes[c.symbol] ?? legendShapes.circle} fill={c.colour} /></svg>{c.name}</li>)}
      </ul>
    </div>
  );
}

/** The legend's little shapes, as the graph draws them. */
const legendShapes: Record<string, string> = {
  rect: 'M1 1h12v12H1z',
  roundRect: 'M4 1h6a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V4a3 3 0 0 1 3-3z',
  circle: 'M7 1a6 6 0 1 0 0 12A6 6 0 1 0 7 1z',
  diamond: 'M7 0l7 7-7 7-7-7z',
  triangle: 'M7 1l6.5 12h-13z',
};

function networkOption(data: NetworkData, width: number): { option: EChartsOption; styles: CategoryStyle[] } {
  // Structures first, so their squares open the legend.
  const structureCategories = new Set(data.nodes.filter((n) => n.kind === 'structure').map((n) => n.category));
  const categories = [...new Set([...data.nodes.filter((n) => n.kind === 'structure'), ...data.nodes.filter((n) => n.kind === 'partner')].map((n) => n.category))];
  const styles = categoryStyles(categories, structureCategories);
  const degrees = data.nodes.filter((n) => n.kind === 'partner').map((n) => n.degree).sort((a, b) => b - a);
  const labelFrom = Math.max(3, degrees[Math.min(7, degrees.length - 1)] ?? 3);
  const narrow = width < 600;
  const option: EChartsOption = {
    tooltip: { formatter: ((p: { dataType?: string; data: { name?: string; category?: number; value?: number } }) => (p.dataType === 'node' ? `${p.data.name} – ${categories[p.data.category ?? 0]} (${p.data.value} lien${(p.data.value ?? 0) > 1 ? 's' : ''})` : '')) as never },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      // The drawing keeps clear of the edges (room for the names on the right) and of the legend below.
      top: 16, bottom: 16, left: 16, right: narrow ? 16 : 140,
      // A force layout is not scaled to its box: drawn smaller on a narrow screen (pinch or wheel to zoom).
      zoom: Math.min(1, Math.max(0.45, width / 1000)),
      // Computed before it is drawn (no animation), pulled to the centre enough to stay inside its box.
      force: { repulsion: 90, edgeLength: [30, 80], gravity: 0.3, layoutAnimation: false },
      categories: styles.map((c) => ({ name: c.name, symbol: c.symbol, itemStyle: { color: c.colour } })),
      label: { show: false, fontSize: 11 },
      labelLayout: { hideOverlap: true },
      emphasis: { focus: 'adjacency', label: { show: true } },
      lineStyle: { color: '#9AA3AD', width: 1, opacity: 0.7 },
      data: data.nodes.map((n) => ({
        id: n.id, name: n.label, value: n.degree, category: categories.indexOf(n.category),
        symbol: styles[categories.indexOf(n.category)].symbol, symbolSize: n.kind === 'structure' ? 9 : Math.min(30, 7 + n.degree * 2),
        // The most shared partners are named on the graph (not on a phone, where names would cover it: a tap shows them); every name is in the table.
        label: { show: !narrow && n.kind === 'partner' && n.degree >= labelFrom, position: 'right', color: '#1E1E1E' },
      })),
      links: data.links.map((l) => ({ source: l.source, target: l.target })),
    }],
  };
  return { option, styles };
}
