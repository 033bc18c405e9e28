import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';

/**
 * An ECharts chart in SVG (the caller registers the chart kinds it draws with `echarts.use`). For screen
 * readers it is one image described in words; the figures are always in a table beside it.
 * `onItemClick` receives the clicked item's data (points of the public map); `highlight` marks one item and
 * shows its tooltip (the public map's keyboard browsing).
 */
export function EChartView({ option, height, description, className, onItemClick, highlight }: {
  option: EChartsOption; height: number; description: string; className?: string;
  onItemClick?: (data: unknown) => void;
  highlight?: { seriesIndex: number; dataIndex: number } | null;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => click.current?.((p as { data?: unknown }).data));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    // The aria component would label the container itself; the wrapper below carries the description.
    chart.current?.setOption({ ...option, aria: { enabled: false } }, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !highlight) return;
    c.dispatchAction({ type: 'highlight', ...highlight });
    c.dispatchAction({ type: 'showTip', ...highlight });
    return () => { if (!c.isDisposed()) { c.dispatchAction({ type: 'downplay', ...highlight }); c.dispatchAction({ type: 'hideTip' }); } };
    // `highlight` is a fresh object each render: compared by its two numbers.
  }, [highlight?.seriesIndex, highlight?.dataIndex, option]);

  return (
    <div className={`chart ${className ?? ''}`} role="img" aria-label={description}>
      <div ref={el} style={{ width: '100%', height }} />
    </div>
  );
}
