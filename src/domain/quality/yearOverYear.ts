/**
 * Year-over-year checks: an answer far from what the structure's own history expects (one check, its
 * tolerance learnt from each indicator's own yearly spread, see history.ts) and a whole section copied
 * unchanged from last year.
 */
import { coreIndicators, fundingSources, staffFunctions, type Section } from '../indicators';
import { closest } from './corrections';
import { formatChange, formatNumber, formatValue } from './format';
import { expectation, type Expectation, type YearlySpread } from './history';
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

export type { YearlySpread } from './history';

export interface YearOverYearOptions {
  /** Tolerated relative change when the campaign taught nothing about the indicator (0.33 = +33 % / −25 %). */
  defaultThreshold: number;
  /** Per-indicator tolerance; overrides the default and the learnt spread. */
  thresholds: Readonly<Record<string, number>>;
  /** Learnt model per code (history.ts): usual growth, robust σ, weight of the year before last. */
  spread: Readonly<Record<string, YearlySpread>>;
  /** A change is reported beyond spreadK σ of the indicator's own residual spread. */
  spreadK: number;
  /** Changes smaller than this in absolute value are never reported (per unit). */
  minAbsoluteChange: Readonly<Record<string, number>>;
  /** A section is "copied" when at least this many numeric answers are all identical to last year's, this many of them non-zero. */
  copiedMinCodes: number;
  copiedMinNonZero: number;
}

export const defaultYearOverYearOptions: YearOverYearOptions = {
  defaultThreshold: 0.33, thresholds: {}, spread: {}, spreadK: 4,
  minAbsoluteChange: { count: 10, fte: 1, euros: 500 },
  copiedMinCodes: 4, copiedMinNonZero: 3,
};

/** σ (log scale) behind a code's tolerance: explicit threshold or default read as spreadK σ, else the learnt σ. */
function sigmaOf(code: string, o: YearOverYearOptions): number {
  const explicit = o.thresholds[code];
  if (explicit !== undefined) return Math.log(1 + explicit) / o.spreadK;
  return o.spread[code]?.sigma ?? Math.log(1 + o.defaultThreshold) / o.spreadK;
}

/** The tolerance (relative change around what history expects) used for one code. */
export function toleranceOf(code: string, o: YearOverYearOptions): number {
  return Math.exp(o.spreadK * sigmaOf(code, o)) - 1;
}

/** How sure a single-answer finding is that the answer is wrong, from its residual in σ (0.86 at 4 σ, 0.99 at 6 σ). */
export const confidence = (z: number) => Math.round((1 - Math.exp(-(z * z) / 8)) * 100) / 100;

const decimalsOf = (unit: string) => (unit === 'fte' ? 1 : 0);
/** A value as people read it in its unit: head counts are whole, FTE to one decimal. */
export const showIn = (unit: string, v: number) => formatValue(unit === 'fte' ? Math.round(v * 10) / 10 : Math.round(v), unit);

/** The expectation of one answer from the structure's history (null without last year's value). */
export function expectationOf(code: string, year: number, a: AnswerMap, history: readonly PastAnswers[], o: YearOverYearOptions): Expectation | null {
  const last = history.find((h) => h.year === year - 1)?.answers;
  if (!last) return null;
  const before = history.find((h) => h.year === year - 2)?.answers;
  const spread = o.thresholds[code] !== undefined ? undefined : o.spread[code];
  return expectation(code, { current: a, last, before }, spread, sigmaOf(code, o));
}

/**
 * Answers far from what the structure's own history expects (history.ts): beyond spreadK σ of the
 * indicator's residual spread, and by more than a minimal amount. The message gives the value, last
 * year's (and the year before's), the expected value with its usual range, the gap, and when a unit slip
 * or a typo explains the gap, the likely intended value (proposed, never applied).
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
    const e = expectationOf(code, year, a, history, o);
    if (!e || Math.abs(e.z) < o.spreadK) continue;
    const unit = unitOf(code) ?? 'count';
    if (Math.abs(x - e.expected) < (o.minAbsoluteChange[unit] ?? 0) || Math.abs(x - prev) < (o.minAbsoluteChange[unit] ?? 0)) continue;
    out.push(yearOverYearFinding(code, year, x, prev, p2 ? num(p2, code) : null, e, o));
  }
  return explainChanges(out, a, p1);
}

/** Answers that move together for real: when both move alike, the change is real (volunteers and their hours, FTE and headcount). */
const companions: [string, string][] = [['participation.benevoles', 'participation.heures_benevoles'], ['participation.benevoles', 'participation.benevoles_jeunes'],
  ...staffFunctions.map(([f]): [string, string] => [`rh.etp.${f}`, `rh.effectif.${f}`])];
const fundingLines = fundingSources.map(([s]) => `finances.financement.${s}`);

/**
 * Large changes the other answers explain become `info`: two companions that move alike (their ratio
 * steady within 25 %), and a funding line offset by another while the lines still add up to the income
 * (money moved from one funder to another).
 */
function explainChanges(findings: Finding[], a: AnswerMap, last: AnswerMap): Finding[] {
  const logChange = (c: string) => { const x = num(a, c), p = num(last, c); return x !== null && p !== null && x > 0 && p > 0 ? Math.log(x / p) : null; };
  const explained = new Map<Finding, string>();
  for (const f of findings) {
    const code = f.codes[0];
    for (const [p, q] of companions) {
      const other = code === p ? q : code === q ? p : null;
      const d = logChange(code), e = other ? logChange(other) : null;
      if (other && d !== null && e !== null && Math.abs(d - e) < 0.35) explained.set(f, ` « ${labelOf(other)} » a évolué de même (${formatChange(Math.exp(e))}) : changement réel probable.`);
    }
  }
  // Funding lines against last year's shares of the income: when the lines still add up to the income (to the
  // euro's rounding: a transfer keeps the total, a typo in one line does not), a line that moved is a transfer
  // when another line moved the other way by at least half as much.
  const income = num(a, 'finances.produits'), lastIncome = num(last, 'finances.produits');
  const total = fundingLines.reduce((t, c) => t + (num(a, c) ?? 0), 0);
  if (income !== null && lastIncome !== null && lastIncome > 0 && Math.abs(total - income) <= Math.max(10, 0.001 * income)) {
    const shift = new Map(fundingLines.map((c) => [c, (num(a, c) ?? 0) - ((num(last, c) ?? 0) / lastIncome) * income]));
    for (const f of findings) {
      const d = shift.get(f.codes[0]);
      if (d === undefined) continue;
      const offset = Math.max(...[...shift].filter(([c]) => c !== f.codes[0]).map(([, x]) => -Math.sign(d) * x));
      if (offset >= 0.5 * Math.abs(d)) explained.set(f, ' Une autre ligne de financement a bougé en sens inverse et le total reste égal aux produits : transfert probable d’un financeur à un autre.');
    }
  }
  return findings.map((f) => {
    const why = explained.get(f);
    if (!why) return f;
    const { suspect: _suspect, ...rest } = f;
    return { ...rest, level: 'info', reason: f.reason.replace(/ (Valeur probable|Erreur de saisie)[\s\S]*$/, '') + why };
  });
}

function yearOverYearFinding(code: string, year: number, x: number, prev: number, prev2: number | null, e: Expectation, o: YearOverYearOptions): Finding {
  const unit = unitOf(code) ?? 'count';
  const f = (v: number) => showIn(unit, v);
  const band = o.spreadK * e.sigma;
  const fix = closest(x, e.expectedLog, e.sigma, decimalsOf(unit));
  const before = prev2 !== null && prev2 > 0 ? ` et ${f(prev2)} en ${year - 2}` : '';
  const common = Math.abs(e.common) >= 0.1 ? `, compte tenu de l’évolution d’ensemble de la structure (${formatChange(Math.exp(e.common))})` : '';
  const ratio = x > e.expected ? x / e.expected : e.expected / x;
  const gap = `${x > e.expected ? '+' : '−'}${f(Math.abs(x - e.expected))}, soit ${formatNumber(Math.round(ratio * 10) / 10)} fois ${x > e.expected ? 'plus' : 'moins'}`;
  const proposal = fix ? ` Valeur probable : ${f(fix.value)} (${fix.reason}).` : ' Erreur de saisie, d’unité, ou changement réel à expliquer en commentaire ?';
  return {
    kind: 'year_over_year', level: 'warning', codes: [code], rule: 'yoy',
    reason: `« ${labelOf(code)} » : ${f(x)} en ${year} contre ${f(prev)} en ${year - 1}${before} (${formatChange(x / prev)} en un an). `
      + `Son historique${common} laissait attendre environ ${f(e.expected)} (habituellement entre ${f(e.expected * Math.exp(-band))} et ${f(e.expected * Math.exp(band))}) : écart de ${gap}.${proposal}`,
    details: { value: x, previous: prev, previousYear: year - 1, change: x / prev - 1, tolerance: Math.exp(band) - 1, expected: Math.round(e.expected * 10) / 10, z: Math.round(e.z * 100) / 100 },
    suspect: { code, likelihood: confidence(e.z), ...(fix ? { correction: { value: fix.value, reason: fix.reason } } : {}) },
  };
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
