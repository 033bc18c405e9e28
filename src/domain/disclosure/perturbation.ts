import type { Contribution, IndicatorSpec } from '../aggregation/contributions';
import { sum } from '../stats';
import { smoothedQuantile } from './exact';
import { cellKeyOf, hash32, uniform01 } from './keys';
import type { DisclosurePolicy } from './policy';
import { perturbCount } from './ptable';
import type { Stat } from './stats';

/**
 * Perturbation for flexible queries, in two layers, both derived from the structures' secret keys:
 *
 * 1. Record layer (noise infusion, Evans–Zayatz–Slanta, US Census Bureau): each structure's magnitude is
 *    multiplied by 1 + δ, δ fixed per (structure, indicator) and uniform in ±recordNoise; each yes/no answer
 *    is flipped with probability flipRate (randomised response). Because δ is the same in every query,
 *    averaging many different queries that isolate a structure converges to x(1 + δ), never to x: the
 *    averaging attack that defeats cell-level noise alone gains nothing past that point.
 * 2. Cell layer (cell-key method, ABS TableBuilder): the cell key (sum of contributors' keys mod 2^31)
 *    picks bounded noise from a fixed table for counts, and ± cellNoise × the largest contribution for
 *    magnitudes, so the same group always gets the same answer and exact linear combinations break.
 */

/**
 * The fixed multiplicative factor of one structure for one indicator.
 * @example recordFactor(123, 'finances.produits', 0.3) // in [0.7, 1.3], always the same
 */
export function recordFactor(key: number, code: string, recordNoise: number): number {
  return 1 + recordNoise * (2 * uniform01(key, code, 'record') - 1);
}

/**
 * Whether a structure's yes/no answer is flipped for one indicator (fixed).
 * @example isFlipped(123, 'actions.culture.oui', 0.1) // true for about one structure in ten
 */
export function isFlipped(key: number, code: string, flipRate: number): boolean {
  return uniform01(key, code, 'flip') < flipRate;
}

/**
 * Perturbed number of contributors. It depends on the contributor set only (not the indicator), so the
 * many indicators of one group cannot be averaged to recover the true n (which the public directory
 * nearly gives anyway).
 * @example perturbedCount(contributions, defaultPolicy) // ≥ policy.minSize when n ≥ minSize
 */
export function perturbedCount(contributions: readonly Contribution[], policy: DisclosurePolicy): number {
  const ck = cellKeyOf(contributions);
  return perturbCount(contributions.length, hash32(ck, 'count'), policy.perturbation.countNoise, policy.minSize);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The perturbed value of one statistic of one cell (the caller has already applied the primary and
 * complement rules). Deterministic: same contributors, indicator and statistic → same value.
 * @example perturbedStat(contributions, ind, 'sum', defaultPolicy)
 */
export function perturbedStat(contributions: readonly Contribution[], ind: IndicatorSpec, stat: Stat, policy: DisclosurePolicy): number {
  const { countNoise, recordNoise, cellNoise, flipRate } = policy.perturbation;
  const n = contributions.length;
  const nOut = perturbedCount(contributions, policy);
  if (stat === 'count') return nOut;
  const ck = cellKeyOf(contributions);
  if (ind.unit === 'yesno') {
    let yes = 0;
    for (const c of contributions) if ((c.value === 1) !== isFlipped(c.key, ind.code, flipRate)) yes++;
    const noisyYes = clamp(perturbCount(yes, hash32(ck, ind.code, 'yes'), countNoise, 0), 0, n);
    // Undo the expected effect of flipping (E[observed] = q + (1 − 2q)·p), so shares are unbiased. The share
    // is taken over the perturbed count, as published: over the true n it would tell n back.
    const share = clamp((Math.min(noisyYes, nOut) / nOut - flipRate) / (1 - 2 * flipRate), 0, 1);
    return stat === 'share' ? share : share * nOut;
  }
  const ys = contributions.map((c) => c.value * recordFactor(c.key, ind.code, recordNoise));
  const v = 2 * uniform01(ck, ind.code, stat) - 1;
  if (stat === 'sum' || stat === 'mean') {
    let maxAbs = 0;
    for (const c of contributions) maxAbs = Math.max(maxAbs, Math.abs(c.value));
    const total = sum(ys) + cellNoise * maxAbs * v;
    return stat === 'sum' ? total : total / nOut;
  }
  const p = stat === 'median' ? 0.5 : stat === 'q1' ? 0.25 : 0.75;
  return smoothedQuantile(Float64Array.from(ys).sort(), p) * (1 + cellNoise * v);
}
