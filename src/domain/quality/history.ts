/**
 * What a structure's own history says an answer should be this year, and how surprising the answer is.
 *
 * Model, per indicator, on the log scale: this year's value is expected at
 *   (1 − w)·log(last year) + w·(log(the year before) + the structure's common change then)
 *   + the structure's common change this year (for amounts that follow its size) + the indicator's usual growth,
 * and the residual is measured in units of the indicator's own robust spread σ (1.4826 × MAD of the
 * residuals over the campaign). The weight w (from −0.5, a trend, to 0.5, a level) is the one that makes the
 * residuals narrowest for that indicator: figures that wobble around a level are better predicted by two
 * years, figures that drift by the last one. The MAD ignores the campaign's extremes (errors, real breaks),
 * so they never widen the tolerance for everyone. The structure's common change is the median change of
 * its size answers (income, expenses, payroll, FTE, headcount, members, volunteers): a structure that
 * grows by half as a whole is not reported on each of its figures, and one wrong answer does not move it.
 */
import { coreIndicators, staffFunctions } from '../indicators';
import { summarize } from './robust';
import type { AnswerMap } from './types';
import { num, sumOf } from './values';

/** How an indicator moves from one year to the next: usual growth, robust σ of the residual, weight of the year before last. */
export interface YearlySpread { growth: number; sigma: number; weight: number; n: number }

const etpCodes = staffFunctions.map(([f]) => `rh.etp.${f}`);
const effCodes = staffFunctions.map(([f]) => `rh.effectif.${f}`);
/** Size answers in three blocks that move independently when nothing happens: money, staff, people. */
const sizeBlocks = [['finances.produits', 'finances.charges', 'rh.masse_salariale'], ['rh.etp.total', 'rh.effectif.total'], ['participation.adherents', 'participation.benevoles']];
const sizeValue = (a: AnswerMap, code: string) => code === 'rh.etp.total' ? sumOf(a, etpCodes) : code === 'rh.effectif.total' ? sumOf(a, effCodes) : num(a, code);
/** A change of the whole structure is recognised beyond ±20 % (log 0.18) in two blocks out of three. */
const blockThreshold = 0.18;

/** Amounts that grow with the structure's activity (actions, staff, finances, members, volunteers). */
export const followsSize: ReadonlySet<string> = new Set(coreIndicators.filter((i) => ['count', 'fte', 'euros'].includes(i.unit)
  && (['actions', 'rh', 'finances'].includes(i.section) || ['participation.adherents', 'participation.ag.presents', 'participation.benevoles', 'participation.benevoles_jeunes', 'participation.heures_benevoles'].includes(i.code))
  && !['finances.delai_paiement_jours', 'actions.permanences', 'finances.resultat', 'rh.contrat.service_civique'].includes(i.code)).map((i) => i.code));

const medianOf = (xs: number[]) => { const s = xs.sort((p, q) => p - q); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/**
 * The structure's common change between two years (log scale), when the whole structure clearly changed:
 * the median change of each block of size answers (money, staff, people), kept only when two blocks move
 * beyond ±20 % in the same direction and the third does not go the other way; 0 otherwise. One wrong
 * answer moves one block at most, so it never passes for a change of the whole structure.
 * @example commonChange(grownByHalf, lastYear) // ≈ log(1.5)
 */
export function commonChange(a: AnswerMap, previous: AnswerMap): number {
  const blocks: number[] = [];
  for (const block of sizeBlocks) {
    const xs: number[] = [];
    for (const c of block) {
      const x = sizeValue(a, c), p = sizeValue(previous, c);
      if (x !== null && p !== null && x > 0 && p > 0) xs.push(Math.log(x / p));
    }
    if (xs.length) blocks.push(medianOf(xs));
  }
  if (blocks.length < 3) return 0;
  const up = blocks.filter((b) => b > blockThreshold).length, down = blocks.filter((b) => b < -blockThreshold).length;
  if (up >= 2 && blocks.every((b) => b > -0.05)) return medianOf(blocks);
  if (down >= 2 && blocks.every((b) => b < 0.05)) return medianOf(blocks);
  return 0;
}

/** The years of a structure the model reads. */
export interface Years { current: AnswerMap; last: AnswerMap; before?: AnswerMap }

/** log of the expected value before the indicator's growth, for weight w; null when last year is unusable. */
function baseLog(code: string, y: Years, w: number, common: { now: number; then: number }): number | null {
  const p1 = num(y.last, code);
  if (p1 === null || p1 <= 0) return null;
  const follows = followsSize.has(code);
  let base = Math.log(p1);
  const p2 = y.before ? num(y.before, code) : null;
  if (w !== 0 && p2 !== null && p2 > 0) base = (1 - w) * base + w * (Math.log(p2) + (follows ? common.then : 0));
  return base + (follows ? common.now : 0);
}

const weights = [-0.5, -0.25, 0, 0.25, 0.5];

/**
 * Learns every indicator's model from a campaign (responses with last year, and the year before when known).
 * Indicators with fewer than `minN` comparable structures get none (the default tolerance applies).
 * @example const spreads = learnSpreads(responses.map((r) => ({ current: r.answers, last, before })), amountCodes);
 */
export function learnSpreads(years: readonly Years[], codes: readonly string[], minN = 30): Record<string, YearlySpread> {
  const commons = years.map((y) => ({ now: commonChange(y.current, y.last), then: y.before ? commonChange(y.last, y.before) : 0 }));
  const out: Record<string, YearlySpread> = {};
  for (const code of codes) {
    let best: YearlySpread | undefined;
    for (const w of weights) {
      const residuals: number[] = [];
      years.forEach((y, i) => {
        const x = num(y.current, code);
        if (x === null || x <= 0 || (w !== 0 && !y.before)) return;
        const b = baseLog(code, y, w, commons[i]);
        if (b !== null) residuals.push(Math.log(x) - b);
      });
      if (residuals.length < minN) continue;
      const s = summarize(residuals);
      const sigma = Math.max(0.02, s.mad > 0 ? s.mad / 0.6745 : s.meanAbsDev / 0.7979);
      if (!best || sigma < best.sigma - 1e-9) best = { growth: s.median, sigma, weight: w, n: residuals.length };
    }
    if (best) out[code] = best;
  }
  return out;
}

/** What history expects of one answer: the expected value, its log, and the answer's residual in σ. */
export interface Expectation { expected: number; expectedLog: number; sigma: number; z: number; common: number }

/**
 * @example expectation('participation.adherents', { current, last, before }, spreads['participation.adherents'])?.z
 */
export function expectation(code: string, y: Years, spread: YearlySpread | undefined, fallbackSigma = 0.25): Expectation | null {
  const x = num(y.current, code);
  if (x === null || x <= 0) return null;
  const common = { now: followsSize.has(code) ? commonChange(y.current, y.last) : 0, then: y.before && followsSize.has(code) ? commonChange(y.last, y.before) : 0 };
  const b = baseLog(code, y, spread?.weight ?? 0, common);
  if (b === null) return null;
  const expectedLog = b + (spread?.growth ?? 0);
  const sigma = spread?.sigma ?? fallbackSigma;
  return { expected: Math.exp(expectedLog), expectedLog, sigma, z: (Math.log(x) - expectedLog) / sigma, common: common.now };
}
