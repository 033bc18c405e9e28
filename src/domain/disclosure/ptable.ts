/**
 * The fixed perturbation table for counts (ABS TableBuilder / UK census cell-key method). Row = the true
 * count, column = the cell key modulo 256; the entry is the noise added. Noise is bounded (± `maxNoise`),
 * zero-mean away from the threshold, and never lowers a published count below the minimum group size:
 * near the threshold negative noise is reflected, which biases those few small cells upwards by under one.
 */

const COLUMNS = 256;
const cache = new Map<number, Int8Array>();

/**
 * The 256 noise values for a bound D: value d appears in proportion to D + 1 − |d| (triangular), so 0 is
 * the most frequent and ±D the least. For D = 2: 0 in 86 columns, ±1 in 57, ±2 in 28 (variance 1.32).
 * @example noiseColumns(2).length // 256
 */
export function noiseColumns(maxNoise: number): Int8Array {
  const hit = cache.get(maxNoise);
  if (hit) return hit;
  const values: number[] = [];
  for (let d = -maxNoise; d <= maxNoise; d++) values.push(d);
  const weights = values.map((d) => maxNoise + 1 - Math.abs(d));
  const total = weights.reduce((a, b) => a + b, 0);
  // Largest-remainder allocation of the 256 columns; the symmetric layout keeps the mean exactly 0.
  const quotas = weights.map((w) => (w * COLUMNS) / total);
  const counts = quotas.map(Math.floor);
  let left = COLUMNS - counts.reduce((a, b) => a + b, 0);
  const centre = maxNoise;
  if (left % 2 === 1) { counts[centre]++; left--; }
  const order = values.map((_, i) => i).filter((i) => i !== centre).sort((a, b) => (quotas[b] - counts[b]) - (quotas[a] - counts[a]) || a - b);
  for (let j = 0; left > 0; j++) { const i = order[j % order.length]; counts[i]++; counts[2 * centre - i]++; left -= 2; }
  const table = new Int8Array(COLUMNS);
  let at = 0;
  values.forEach((d, i) => { for (let k = 0; k < counts[i]; k++) table[at++] = d; });
  cache.set(maxNoise, table);
  return table;
}

/**
 * Perturbed count: n + ptable[column], reflected so the result is never below `floor` when n ≥ floor.
 * @example perturbCount(12, 7, 2, 5) // 12 + the noise of column 7
 */
export function perturbCount(n: number, column: number, maxNoise: number, floor: number): number {
  if (maxNoise === 0) return n;
  const d = noiseColumns(maxNoise)[column & (COLUMNS - 1)];
  const r = n + d;
  return r < floor && n >= floor ? n - d : Math.max(r, 0);
}
