/** Yes answers, answers and their ratio for a yes/no indicator. */
export interface Share { yes: number; n: number; share: number | null }

/**
 * Share of structures answering yes among those that answered: missing answers (null/undefined) are left
 * out of the denominator, because "not answered" is not "no".
 * @example shareOfStructures([true, false, null, true]) // { yes: 2, n: 3, share: 0.6667 }
 */
export function shareOfStructures(values: readonly (boolean | null | undefined)[]): Share {
  let yes = 0;
  let n = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    n++;
    if (v) yes++;
  }
  return { yes, n, share: n === 0 ? null : yes / n };
}
