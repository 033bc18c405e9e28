/**
 * Deterministic hashing for perturbation. Everything random in the gate derives from the structures' fixed
 * secret keys through these functions, so the same question always gets the same answer and no state is
 * kept between requests.
 */

const KEY_RANGE = 2 ** 31;

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A 32-bit hash of numbers and strings (FNV-1a over the parts, then fmix32).
 * @example hash32(123456, 'finances.produits', 'record') // a fixed number in [0, 2^32)
 */
export function hash32(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? part.toString(36) : part;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193); // separator, so ('ab','c') ≠ ('a','bc')
  }
  return fmix32(h);
}

/**
 * A hash as a uniform number in [0, 1).
 * @example uniform01(42, 'x') < 1 // true
 */
export function uniform01(...parts: (number | string)[]): number {
  return hash32(...parts) / 2 ** 32;
}

/**
 * The cell key: sum of the contributors' record keys modulo 2^31 (ABS TableBuilder). It depends only on
 * *which* structures contribute, never on how the question was phrased.
 * @example cellKeyOf([{ key: 2 ** 30 }, { key: 2 ** 30 + 5 }]) // 5
 */
export function cellKeyOf(contributors: readonly { key: number }[]): number {
  let s = 0;
  for (const c of contributors) s = (s + (c.key % KEY_RANGE)) % KEY_RANGE;
  return s;
}
