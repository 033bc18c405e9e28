import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, BoxplotChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only what the comparison pages draw, and the SVG renderer: a fraction of the full ECharts bundle.
echarts.use([BarChart, BoxplotChart, LineChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * An ECharts chart in SVG. For screen readers it is one image described in words (`description`); the
 * figures themselves are always in a table next to it, so nothing is only in the picture.
 */
export function EChart({ option, height, description, className }: { option: EChartsOption; height: number; description: string; className?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    // The aria component would label the container itself; the wrapper below carries the description.
    chart.current?.setOption({ ...option, aria: { enabled: false } }, { notMerge: true });
  }, [option]);

  return (
    <div className={`chart ${className ?? ''}`} role="img" aria-label={description}>
      <div ref={el} style={{ width: '100%', height }} />
    </div>
  );
}
