/**
 * Year-over-year checks: a change beyond a tolerance (trend-aware when two earlier years exist) and a
 * whole section copied unchanged from last year.
 */
import { coreIndicators, type Section } from '../indicators';
import { formatChange, formatValue } from './format';
import type { AnswerMap, Finding, PastAnswers } from './types';
import { labelOf, num, unitOf } from './values';

/** Codes that are amounts (count, FTE, euros) and can be compared from year to year; `projet.annee` is a year. */
export const amountCodes: readonly string[] = coreIndicators
  .filter((i) => (i.unit === 'count' || i.unit === 'fte' || i.unit === 'euros') && i.code !== 'projet.annee').map((i) => i.code);

/** Numeric codes of each section, for the copied-section check. */
export const numericCodesBySection: ReadonlyMap<Section, readonly string[]> = (() => {
  const m = new Map<Section, string[]>();
  for (const i of coreIndicators) {
    if (!['count', 'fte', 'euros', 'share'].includes(i.unit) || i.code === 'projet.annee') continue;
    (m.get(i.section) ?? m.set(i.section, []).get(i.section)!).push(i.code);
  }
  return m;
})();

export const sectionLabels: Record<Section, string> = {
  identite: 'Identité', territoire: 'Territoire', projet: 'Projet social', actions: 'Actions et publics', participation: 'Participation et gouvernance',
  partenariats: 'Partenariats', rh: 'Ressources humaines', finances: 'Finances', theme: 'Thème de l’année',
};

/**
 * How an indicator usually moves from one year to the next over the whole campaign, on the log scale:
 * median change, robust σ, and the 99.5th percentile of the absolute deviation from the median change
 * (the tail: a few structures change a lot for real, e.g. after a new count of their own funds).
 */
export interface YearlySpread { growth: number; sigma: number; tail: number }

export interface YearOverYearOptions {
  /** Tolerated relative change when nothing else is known (0.33 = +33 % / −25 %, symmetric on the log scale). */
  defaultThreshold: number;
  /** Per-indicator tolerance; overrides the default and the campaign spread. */
  thresholds: Readonly<Record<string, number>>;
  /** Campaign-wide spread per code; the tolerance widens to exp(spreadK·σ) − 1 for indicators that move a lot. */
  spread: Readonly<Record<string, YearlySpread>>;
  spreadK: number;
  /** …and at least to tailK × the campaign's 99.5th percentile of absolute deviations. */
  tailK: number;
  /** Changes smaller than this in absolute value are never reported (per unit). */
  minAbsoluteChange: Readonly<Record<string, number>>;
  /** A section is "copied" when at least this many numeric answers are all identical to last year's, this many of them non-zero. */
  copiedMinCodes: number;
  copiedMinNonZero: number;
}

export const defaultYearOverYearOptions: YearOverYearOptions = {
  defaultThreshold: 0.33, thresholds: {}, spread: {}, spreadK: 4.5, tailK: 1.5,
  minAbsoluteChange: { count: 10, fte: 1, euros: 500 },
  copiedMinCodes: 4, copiedMinNonZero: 3,
};

/** The tolerance (relative change) used for one code. */
export function toleranceOf(code: string, o: YearOverYearOptions): number {
  const explicit = o.thresholds[code];
  if (explicit !== undefined) return explicit;
  const s = o.spread[code];
  return Math.max(o.defaultThreshold, s ? Math.exp(Math.max(o.spreadK * s.sigma, o.tailK * s.tail)) - 1 : 0);
}

/**
 * Changes beyond tolerance against the previous year. With two earlier years the change must also
 * depart from the extrapolated trend, so a structure that grows steadily is not reported every year.
 * @example checkYearOverYear(2025, { 'rh.masse_salariale': 300000 }, [{ year: 2024, answers: { 'rh.masse_salariale': 100000 } }])
 */
export function checkYearOverYear(year: number, a: AnswerMap, history: readonly PastAnswers[], options: Partial<YearOverYearOptions> = {},
  codes: readonly string[] = amountCodes): Finding[] {
  const o = { ...defaultYearOverYearOptions, ...options };
  const p1 = history.find((h) => h.year === year - 1)?.answers;
  if (!p1) return [];
  const p2 = history.find((h) => h.year === year - 2)?.answers;
  const out: Finding[] = [];
  for (const code of codes) {
    const x = num(a, code), prev = num(p1, code);
    if (x === null || prev === null || x <= 0 || prev <= 0) continue;
    const unit = unitOf(code) ?? 'count';
    if (Math.abs(x - prev) < (o.minAbsoluteChange[unit] ?? 0)) continue;
    const tol = toleranceOf(code, o);
    const band = Math.log(1 + tol);
    const growth = o.spread[code]?.growth ?? 0;
    const d1 = Math.log(x / prev) - growth;
    if (Math.abs(d1) <= band) continue;
    const prev2 = p2 ? num(p2, code) : null;
    let expected: number | null = null;
    if (prev2 !== null && prev2 > 0) {
      expected = prev * (prev / prev2);
      if (Math.abs(Math.log(x / expected)) <= band) continue;
    }
    const f = (v: number) => formatValue(v, unit);
    const trend = expected === null ? '' : ` La tendance ${year - 2}-${year - 1} (${formatChange(prev / prev2!)}) laissait attendre environ ${f(Math.round(expected * 10) / 10)}.`;
    out.push({
      kind: 'year_over_year', level: 'warning', codes: [code], rule: 'yoy',
      reason: `${labelOf(code)} : ${f(x)} en ${year} contre ${f(prev)} en ${year - 1} (${formatChange(x / prev)}), alors que d’une année sur l’autre cet indicateur varie d’habitude entre ${formatChange(Math.exp(growth - band))} et ${formatChange(Math.exp(growth + band))}.${trend} Erreur de saisie, d’unité, ou changement réel à expliquer en commentaire ?`,
      details: { value: x, previous: prev, previousYear: year - 1, change: x / prev - 1, tolerance: tol, expected },
    });
  }
  return out;
}

/**
 * Sections whose numeric answers are all identical to last year's (a copy without update).
 * @example checkCopiedSections(2025, answers, [{ year: 2024, answers: sameRh }])[0].rule // 'copied_section.rh'
 */
export function checkCopiedSections(year: number, a: AnswerMap, history: readonly PastAnswers[], options: Partial<YearOverYearOptions> = {}): Finding[] {
  const o = { ...defaultYearOverYearOptions, ...options };
  const p1 = history.find((h) => h.year === year - 1)?.answers;
  if (!p1) return [];
  const out: Finding[] = [];
  for (const [section, codes] of numericCodesBySection) {
    let compared = 0, nonZero = 0, same = true;
    const identical: string[] = [];
    for (const code of codes) {
      const x = num(a, code), prev = num(p1, code);
      if (x === null || prev === null) continue;
      compared++;
      if (x !== prev) { same = false; break; }
      identical.push(code);
      if (x !== 0) nonZero++;
    }
    if (!same || compared < o.copiedMinCodes || nonZero < o.copiedMinNonZero) continue;
    out.push({
      kind: 'copied_section', level: 'warning', codes: identical, rule: `copied_section.${section}`,
      reason: `Les ${compared} réponses chiffrées de la section « ${sectionLabels[section]} » sont toutes identiques à celles de ${year - 1} : la section a-t-elle été recopiée sans être mise à jour ?`,
      details: { section, compared, previousYear: year - 1 },
    });
  }
  return out;
}

/**
 * The campaign-wide yearly spread of each code: median and robust σ of log(x_t / x_{t−1}) over structures
 * answering both years with non-zero values. Computed once per campaign.
 */
export function yearlySpreads(pairs: Iterable<{ current: AnswerMap; previous: AnswerMap }>, summarizeLogs: (xs: number[]) => YearlySpread,
  codes: readonly string[] = amountCodes, minN = 30): Record<string, YearlySpread> {
  const logs = new Map<string, number[]>(codes.map((c) => [c, []]));
  for (const { current, previous } of pairs) {
    for (const code of codes) {
      const x = num(current, code), p = num(previous, code);
      if (x !== null && p !== null && x > 0 && p > 0) logs.get(code)!.push(Math.log(x / p));
    }
  }
  const out: Record<string, YearlySpread> = {};
  for (const [code, xs] of logs) if (xs.length >= minN) out[code] = summarizeLogs(xs);
  return out;
}
