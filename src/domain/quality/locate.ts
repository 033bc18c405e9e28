/**
 * Localisation: which answer of a finding is most likely wrong, how likely, and what it probably should
 * be. Every finding reads several answers (a sum reads its parts, a ratio two answers, a copied section a
 * whole section); the suspect is put first in `codes`, the others stay as context.
 *
 * Evidence, per answer: how far it is from what the structure's own history expects (history.ts, in σ of
 * the indicator's yearly spread). In a broken sum, a part (or the total) whose correction by a unit
 * factor, a digit swap or a digit typo restores the sum exactly is the suspect, and that correction is
 * proposed. Two answers far from history whose exchange fits history are both named (swapped fields).
 * A peer finding on answers that all match their own history is kept as information only: the structure
 * was already like that, it is not a new error.
 */
import type { Catalog } from '../questionnaire/types';
import { variablesOf } from '../questionnaire/references';
import { closest, explains, type Candidate } from './corrections';
import { formatNumber } from './format';
import type { Expectation } from './history';
import { sizeCodes, sizeIndex, type PeerStats } from './peers';
import { modifiedZ } from './robust';
import type { AnswerMap, Finding, PastAnswers, Suspect } from './types';
import { labelOf, num, unitOf } from './values';
import { expectationOf, showIn, type YearOverYearOptions } from './yearOverYear';

export interface LocateInput {
  year: number; answers: AnswerMap; history: readonly PastAnswers[]; yearOverYear: YearOverYearOptions; questionnaire: Catalog;
  /** Peer statistics and the response's groups: evidence for answers without last year's value (a first year). */
  peers?: PeerStats; groups?: readonly string[];
}

const decimalsOf = (code: string) => (unitOf(code) === 'fte' ? 1 : 0);
const pct = (p: number) => `${formatNumber(Math.round(p * 100))} %`;

/** Lazily computed history expectations of a response's answers. */
function evidence(input: LocateInput) {
  const cache = new Map<string, Expectation | null>();
  return (code: string) => {
    if (!cache.has(code)) cache.set(code, expectationOf(code, input.year, input.answers, input.history, input.yearOverYear));
    return cache.get(code)!;
  };
}

/**
 * How far an answer is from its history in σ; an answer fallen to zero from a positive value counts as
 * 8 σ. Without history, how far it is from comparable structures of its size (robust z of log value −
 * size index, peers.ts).
 */
function distance(code: string, input: LocateInput, ev: (c: string) => Expectation | null): number {
  const x = num(input.answers, code), prev = num(input.history.find((h) => h.year === input.year - 1)?.answers ?? {}, code);
  if (x === 0 && prev !== null && prev > 0) return 8;
  const e = ev(code);
  if (e) return Math.abs(e.z);
  return peerDistance(code, x, input);
}

function peerDistance(code: string, x: number | null, input: LocateInput): number {
  const { peers, groups } = input;
  if (!peers || !groups?.length || x === null || x <= 0) return 0;
  const byGroup = peers.relative.get(code);
  const summary = groups.map((g) => byGroup?.get(g)).find(Boolean);
  const si = sizeIndex(input.answers, groups, peers.size, (sizeCodes as readonly string[]).includes(code) ? code : undefined);
  if (summary && si !== null) return Math.abs(modifiedZ(Math.log(x) - si, summary));
  // Amounts not compared after size (income, expenses, payroll): against the raw values of the group.
  const raw = peers.metric.get(`raw:${code}`);
  const rawSummary = groups.map((g) => raw?.get(g)).find(Boolean);
  return rawSummary ? Math.abs(modifiedZ(Math.log(x), rawSummary)) : 0;
}

/** Likelihoods from residuals: each answer weighs exp(z²/2) (how much less plausible it is than a right one). */
function likelihoods(zs: number[]): number[] {
  const logs = zs.map((z) => Math.min(z * z, 400) / 2);
  const top = Math.max(...logs);
  const w = logs.map((l) => Math.exp(l - top));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}

/** The parts and the other side of a sum rule (a rule reading a derived `sum(...)` total), or null. */
function sumOf(catalog: Catalog, f: Finding): { parts: string[]; total: string; other: string } | null {
  const rule = catalog.rules.find((r) => r.id === f.rule);
  if (!rule) return null;
  const derived = rule.questions.find((c) => /^\s*sum\(/.test(catalog.questions[c]?.derived ?? ''));
  const other = rule.questions.find((c) => c !== derived && !catalog.questions[c]?.derived);
  if (!derived || !other || rule.questions.length !== 2) return null;
  return { parts: variablesOf(catalog.questions[derived]!.derived!), total: derived, other };
}

function describe(code: string, input: LocateInput, e: Expectation | null): string {
  const unit = unitOf(code) ?? 'count';
  const x = num(input.answers, code), prev = num(input.history.find((h) => h.year === input.year - 1)?.answers ?? {}, code);
  const parts = [x === null ? 'non renseigné' : showIn(unit, x)];
  if (prev !== null) parts.push(`${showIn(unit, prev)} en ${input.year - 1}`);
  if (e && Math.abs(e.z) >= 2) parts.push(`environ ${showIn(unit, e.expected)} attendus d’après son historique`);
  return `« ${labelOf(code)} » (${parts.join(' ; ')})`;
}

function withSuspect(f: Finding, suspect: Suspect, sentence: string): Finding {
  return { ...f, codes: [suspect.code, ...f.codes.filter((c) => c !== suspect.code)], suspect, reason: `${f.reason}${sentence}` };
}

function proposal(code: string, fix: Candidate | null | undefined): string {
  return fix ? ` Valeur probable : ${showIn(unitOf(code) ?? 'count', fix.value)} (${fix.reason}).` : '';
}

/** A broken sum: the part (or the other side) whose correction restores it. */
function locateSum(f: Finding, s: { parts: string[]; other: string }, input: LocateInput, ev: (c: string) => Expectation | null): Finding {
  const a = input.answers;
  const partsSum = s.parts.reduce((t, c) => t + (num(a, c) ?? 0), 0);
  const target = num(a, s.other);
  if (target === null) return f;
  const gap = partsSum - target;
  const options: { code: string; fix: Candidate | null; z: number }[] = [];
  for (const code of [...s.parts, s.other]) {
    const x = num(a, code);
    if (x === null) continue;
    const intended = code === s.other ? partsSum : x - gap;
    const fix = intended > 0 ? explains(x, intended, decimalsOf(code)) : null;
    // A correction that restores the sum exactly is strong evidence (as strong as 6 σ from history).
    options.push({ code, fix, z: Math.max(distance(code, input, ev), fix ? 6 : 0) + (fix ? 1 : 0) });
  }
  if (!options.length) return f;
  const p = likelihoods(options.map((o) => o.z));
  const best = options.reduce((b, _o, i) => (p[i] > p[b] ? i : b), 0);
  const o = options[best];
  const unit = unitOf(s.other) ?? 'euros';
  const fix = o.fix ?? (Math.abs(ev(o.code)?.z ?? 0) >= 3 && o.code !== s.other && num(a, o.code)! - gap >= 0 ? { value: num(a, o.code)! - gap, reason: 'la valeur qui rétablit la somme', kind: 'typo' as const } : null);
  const sentence = ` Écart : les lignes additionnées font ${showIn(unit, partsSum)} pour ${showIn(unit, target)} attendus (${gap > 0 ? '+' : '−'}${showIn(unit, Math.abs(gap))}).`
    + ` Réponse la plus probablement en cause (${pct(p[best])}) : ${describe(o.code, input, ev(o.code))}.${proposal(o.code, fix)}`;
  return withSuspect(f, { code: o.code, likelihood: Math.round(p[best] * 100) / 100, ...(fix ? { correction: { value: fix.value, reason: fix.reason } } : {}) }, sentence);
}

/** Two answers both far from history whose exchange fits it: swapped fields. */
function swapOf(codes: readonly string[], input: LocateInput, ev: (c: string) => Expectation | null): [string, string] | null {
  const far = codes.filter((c) => Math.abs(ev(c)?.z ?? 0) >= 3);
  for (const [i, p] of far.entries()) for (const q of far.slice(i + 1)) {
    const ep = ev(p)!, eq = ev(q)!, xp = num(input.answers, p)!, xq = num(input.answers, q)!;
    if (Math.abs(Math.log(xq) - ep.expectedLog) / ep.sigma < 2.5 && Math.abs(Math.log(xp) - eq.expectedLog) / eq.sigma < 2.5) return [p, q];
  }
  return null;
}

function locateMany(f: Finding, input: LocateInput, ev: (c: string) => Expectation | null): Finding {
  const codes = f.codes.filter((c) => num(input.answers, c) !== null);
  if (!codes.length) return f;
  const swap = swapOf(codes, input, ev);
  if (swap) {
    const [p, q] = Math.abs(ev(swap[0])!.z) >= Math.abs(ev(swap[1])!.z) - 1e-9 ? swap : [swap[1], swap[0]];
    const value = num(input.answers, q)!;
    return withSuspect({ ...f, codes: [p, q, ...f.codes.filter((c) => c !== p && c !== q)] },
      { code: p, likelihood: 0.5, correction: { value, reason: `valeurs inversées avec « ${labelOf(q)} »` } },
      ` Réponses probablement inversées : ${describe(p, input, ev(p))} et ${describe(q, input, ev(q))}. Valeur probable de « ${labelOf(p)} » : ${showIn(unitOf(p) ?? 'count', value)}, et de « ${labelOf(q)} » : ${showIn(unitOf(q) ?? 'count', num(input.answers, p)!)}.`);
  }
  const zs = codes.map((c) => distance(c, input, ev));
  const p = likelihoods(zs);
  const best = zs.some((z) => z > 0) ? p.reduce((b, x, i) => (x > p[b] ? i : b), 0) : 0;
  const code = codes[best];
  const e = ev(code);
  const fix = e && Math.abs(e.z) >= 3 ? closest(num(input.answers, code)!, e.expectedLog, e.sigma, decimalsOf(code)) : null;
  const likelihood = zs.some((z) => z > 0) ? p[best] : 1 / codes.length;
  const sentence = codes.length > 1 ? ` Réponse la plus probablement en cause (${pct(likelihood)}) : ${describe(code, input, e)}.${proposal(code, fix)}` : proposal(code, fix);
  return withSuspect(f, { code, likelihood: Math.round(likelihood * 100) / 100, ...(fix ? { correction: { value: fix.value, reason: fix.reason } } : {}) }, sentence);
}

/** A copied section: the answers that usually move most come first (their stillness is the oddest). */
function locateCopy(f: Finding, input: LocateInput): Finding {
  const sigma = (c: string) => input.yearOverYear.spread[c]?.sigma ?? 0;
  const codes = [...f.codes].sort((p, q) => sigma(q) - sigma(p));
  return { ...f, codes, suspect: { code: codes[0], likelihood: 1 / codes.length } };
}

/**
 * Puts a suspect (first code, likelihood, proposed correction) on every finding that can have one, and
 * turns peer findings on answers that all match their own history into information.
 * @example locate(findings, { year: 2025, answers, history, yearOverYear: ctx.yearOverYear, questionnaire: ctx.questionnaire })[0].suspect
 */
export function locate(findings: readonly Finding[], input: LocateInput): Finding[] {
  const ev = evidence(input);
  const hasHistory = input.history.some((h) => h.year === input.year - 1);
  // Answers whose large change the other answers explain (a transfer between funders, companions moving alike).
  const explained = new Set(findings.filter((f) => f.kind === 'year_over_year' && f.level === 'info').map((f) => f.codes[0]));
  return findings.map((f) => {
    if (f.suspect || f.kind === 'completeness') return f;
    if (f.kind === 'peer_outlier' && f.codes.some((c) => explained.has(c))) {
      return { ...f, level: 'info' as const, reason: `${f.reason} Son évolution est expliquée par les autres réponses (voir plus haut).` };
    }
    if (f.kind === 'copied_section') return locateCopy(f, input);
    if (f.kind === 'peer_outlier' && hasHistory && f.codes.every((c) => { const e = ev(c); return !e || Math.abs(e.z) < 2.5; })
      && f.codes.some((c) => ev(c))) {
      return { ...f, level: 'info' as const, reason: `${f.reason} Ces réponses suivent leur historique : la structure était déjà ainsi l’an dernier.` };
    }
    const s = f.kind === 'consistency' ? sumOf(input.questionnaire, f) : null;
    return s ? locateSum(f, s, input, ev) : locateMany(f, input, ev);
  });
}
