/**
 * Likely corrections of a mistyped number: a unit factor (×10, ×100, ×1000 and their inverses), two
 * adjacent digits swapped, or one digit mistyped. Pure; the engine only proposes them, the structure
 * accepts or refuses.
 */

/** A candidate value and why it could be the intended one (French, for the message). */
export interface Candidate { value: number; reason: string; kind: 'unit' | 'swap' | 'typo' }

const factors: [number, string][] = [
  [1 / 1000, 'trois zéros de trop (montant saisi en millièmes ?)'], [1 / 100, 'deux zéros de trop'], [1 / 10, 'un zéro de trop'],
  [10, 'un zéro manquant'], [100, 'deux zéros manquants'], [1000, 'montant saisi en milliers (k€ ?)'],
];

/** Digits of a non-negative number at a given precision (decimals kept as an integer scaled by 10^decimals). */
function digitsOf(x: number, decimals: number): string { return String(Math.round(Math.abs(x) * 10 ** decimals)); }

/**
 * Every candidate correction of `x` (unit factors, adjacent swaps, single-digit typos).
 * @example candidates(45312, 0).some((c) => c.value === 54312) // true (swap)
 */
export function candidates(x: number, decimals = 0): Candidate[] {
  const out: Candidate[] = [];
  const scale = 10 ** decimals;
  for (const [f, reason] of factors) {
    const v = Math.round(x * f * scale) / scale;
    if (v > 0 && v !== x) out.push({ value: v, reason, kind: 'unit' });
  }
  const s = digitsOf(x, decimals);
  const back = (t: string) => Number(t) / scale;
  for (let i = 0; i + 1 < s.length; i++) {
    if (s[i] === s[i + 1] || (i === 0 && s[1] === '0')) continue;
    const t = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    out.push({ value: back(t), reason: `deux chiffres inversés (${s[i]}${s[i + 1]} → ${s[i + 1]}${s[i]})`, kind: 'swap' });
  }
  for (let i = 0; i < s.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === s[i] || (i === 0 && d === 0 && s.length > 1)) continue;
      const t = s.slice(0, i) + d + s.slice(i + 1);
      out.push({ value: back(t), reason: `un chiffre mal saisi (${s[i]} au lieu de ${d})`, kind: 'typo' });
    }
  }
  return out;
}

/**
 * How `typed` can be read as `intended` (the value that would make a sum add up): a unit factor (to the
 * precision the typed value keeps), two adjacent digits swapped or one digit mistyped; null otherwise.
 * @example explains(4_500_000, 45_000) // { value: 45000, reason: 'deux zéros de trop', kind: 'unit' }
 */
export function explains(typed: number, intended: number, decimals = 0): Candidate | null {
  if (intended <= 0 || typed <= 0 || typed === intended) return null;
  for (const [f, reason] of factors) {
    const v = typed * f;
    // ×1000 of a value typed in k€ keeps only the thousands: accept the intended value within half a factor.
    const slack = f > 1 ? f / 2 : 0.5 / 10 ** decimals;
    if (Math.abs(v - intended) <= slack) return { value: intended, reason, kind: 'unit' };
  }
  const a = digitsOf(typed, decimals), b = digitsOf(intended, decimals);
  if (a.length !== b.length) return null;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  if (diff.length === 1) return { value: intended, reason: `un chiffre mal saisi (${a[diff[0]]} au lieu de ${b[diff[0]]})`, kind: 'typo' };
  if (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]) {
    return { value: intended, reason: `deux chiffres inversés (${a[diff[0]]}${a[diff[1]]} → ${b[diff[0]]}${b[diff[1]]})`, kind: 'swap' };
  }
  return null;
}

/**
 * The candidate closest to what history or peers expect (log scale), when it falls within `maxZ` of the
 * expected spread and the typed value does not; unit factors win ties (they are the commonest slip).
 * @example closest(4_500_000, Math.log(46_000), 0.1) // { value: 45000, … }
 */
export function closest(typed: number, expectedLog: number, sigma: number, decimals = 0, maxZ = 2.5): Candidate | null {
  let best: Candidate | null = null, bestZ = Infinity;
  for (const c of candidates(typed, decimals)) {
    const z = Math.abs(Math.log(c.value) - expectedLog) / sigma + (c.kind === 'unit' ? 0 : 0.35);
    if (z < bestZ) { best = c; bestZ = z; }
  }
  return best && bestZ <= maxZ ? best : null;
}
