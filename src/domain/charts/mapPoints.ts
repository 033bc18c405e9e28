import type { EChartsOption } from 'echarts';
import { creditGraphic, insetFrameSeries, mapGeoComponent, viewOf } from './mapChoropleth';
import { projectToMap } from './mapProjection';
import { chartColours, chartFont, palette, textStyle } from './theme';

/** A structure as the public directory gives it (identity only). */
export interface MapPoint { id: number; name: string; kind: string; lon: number | null; lat: number | null; commune?: string }

const kinds = [
  { kind: 'CS', label: 'Centres sociaux', color: palette.blue, symbol: 'circle' },
  { kind: 'EVS', label: 'Espaces de vie sociale', color: palette.vermillion, symbol: 'diamond' },
] as const;

/**
 * Structures as points on the département map (public map): one series per kind, different colour AND
 * shape, placed with the fitted projection (mapProjection.ts); zoomed on some départements when asked.
 * Points carry `id`, so a click can open the identity sheet. `unplaced` lists those without usable coordinates.
 * @example const { option } = pointsOption({ points: [{ id: 1, name: 'CS', kind: 'CS', lon: 4.83, lat: 45.76 }] });
 */
export function pointsOption(p: { points: readonly MapPoint[]; only?: readonly string[]; credit?: boolean; selectedId?: number | null }): {
  option: EChartsOption; placed: number; unplaced: MapPoint[];
  /** Where each placed structure is drawn (series and index), to highlight it from the keyboard. */
  positions: Map<number, { seriesIndex: number; dataIndex: number }>;
} {
  const credit = p.credit !== false;
  const unplaced: MapPoint[] = [];
  const byKind = new Map<string, { name: string; value: [number, number]; id: number; commune?: string }[]>();
  for (const s of p.points) {
    const xy = projectToMap(s.lon, s.lat);
    if (!xy) { unplaced.push(s); continue; }
    const k = s.kind === 'EVS' ? 'EVS' : 'CS';
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k)!.push({ name: s.name, value: [xy[0], xy[1]], id: s.id, commune: s.commune });
  }
  const box = p.only?.length ? viewOf(p.only) : null;
  const zoomed = !!box;
  const size = zoomed ? 9 : 5;
  const option = {
    textStyle,
    tooltip: {
      trigger: 'item',
      formatter: (x: unknown) => {
        const d = (x as { data?: { name?: string; commune?: string } }).data;
        return d?.name ? `${d.name}${d.commune ? `<br/>${d.commune}` : ''}` : '';
      },
    },
    legend: { top: 4, right: 8, orient: 'vertical', textStyle: { fontSize: chartFont.smallSize, color: chartColours.text, fontFamily: chartFont.family }, selectedMode: true },
    geo: {
      ...mapGeoComponent({ box, left: 8, right: 8, top: 8, bottom: credit ? 38 : 8 }),
      itemStyle: { areaColor: zoomed ? '#F6F7F9' : '#EEF0F3', borderColor: zoomed ? '#C9CED6' : '#FFFFFF', borderWidth: 0.8 },
      // The départements asked for stand out from their neighbours, drawn for context only.
      regions: (p.only ?? []).map((code) => ({ name: code, itemStyle: { areaColor: '#E3E8F0', borderColor: chartColours.muted, borderWidth: 1.5 } })),
      emphasis: { disabled: true }, tooltip: { show: false }, silent: true,
    },
    series: [
      ...kinds.map((k) => ({
        type: 'scatter', name: k.label, coordinateSystem: 'geo', geoIndex: 0, symbol: k.symbol, symbolSize: k.kind === 'EVS' ? size + 2 : size,
        itemStyle: { color: k.color, borderColor: '#FFFFFF', borderWidth: zoomed ? 1 : 0.5, opacity: 0.9 },
        emphasis: { scale: 1.8, itemStyle: { borderColor: chartColours.text, borderWidth: 1.5 } },
        cursor: 'pointer',
        data: (byKind.get(k.kind) ?? []).map((d) => (d.id === p.selectedId ? { ...d, symbolSize: size * 2.2, itemStyle: { borderColor: chartColours.text, borderWidth: 2 } } : d)),
      })),
      ...insetFrameSeries(box),
    ],
    graphic: credit ? [creditGraphic()] : [],
  } as EChartsOption;
  const positions = new Map<number, { seriesIndex: number; dataIndex: number }>();
  kinds.forEach((k, seriesIndex) => (byKind.get(k.kind) ?? []).forEach((d, dataIndex) => positions.set(d.id, { seriesIndex, dataIndex })));
  return { option, placed: p.points.length - unplaced.length, unplaced, positions };
}

export type MapStep = 'east' | 'west' | 'north' | 'south' | 'first' | 'last';

/**
 * Keyboard browsing of the map's points: the next structure to the east, west, north or south of the
 * current one (points ordered by longitude, or by latitude; ties by id), or the first / last from the west.
 * Stays on the last point at an edge; starts from the westernmost (or the first in the chosen direction).
 * @example nextPoint(points, null, 'east') // the westernmost point's id
 */
export function nextPoint(points: readonly { id: number; lon: number; lat: number }[], currentId: number | null, step: MapStep): number | null {
  if (points.length === 0) return null;
  const byLat = step === 'north' || step === 'south';
  const order = [...points].sort((a, b) => (byLat ? a.lat - b.lat : a.lon - b.lon) || a.id - b.id);
  if (step === 'first') return order[0].id;
  if (step === 'last') return order[order.length - 1].id;
  const forward = step === 'east' || step === 'north';
  const at = currentId === null ? -1 : order.findIndex((x) => x.id === currentId);
  if (at < 0) return (forward ? order[0] : order[order.length - 1]).id;
  return order[Math.min(order.length - 1, Math.max(0, at + (forward ? 1 : -1)))].id;
}
