/**
 * Scores the quality engine's reports against injected labels (see labelled.ts), at two levels:
 * - structures: a structure is flagged when one finding of level error or warning concerns it;
 *   recall = labelled structures flagged / labelled structures, precision = labelled among flagged;
 * - answers, by the first answer each finding names (`codes[0]`, the suspect): every (structure, first
 *   answer) pair of an error or warning is a claim; precision = claims naming an answer the error changed
 *   / claims (claims on clean structures count as false); recall = labels of which one changed answer is
 *   named first by some finding / labels.
 * Also: the share of clean structures flagged (distractors included), and the correction rate: among unit
 *   slips and digit typos, the share whose changed answer gets a proposed correction equal to the true value
 *   (to what the typed value keeps: 500 € for euros typed in k€).
 */
import type { InjectedLabel, InjectedKind } from './labelled';
import type { QualityReport } from './types';

export interface Evaluation {
  structureRecall: number; structurePrecision: number;
  answerPrecision: number; answerRecall: number;
  cleanFlaggedPct: number; correctionRate: number;
  labels: number; structures: number; flaggedClean: number; corrections: number;
  recallByKind: Partial<Record<InjectedKind, number>>; answerRecallByKind: Partial<Record<InjectedKind, number>>;
}

const alarming = (r: QualityReport) => r.findings.filter((f) => f.level !== 'info' && f.kind !== 'completeness');

/**
 * @example const e = evaluate(campaign.responses, reports, campaign.labels); e.answerPrecision
 */
export function evaluate(responses: readonly { structureKey: number | string }[], reports: readonly QualityReport[], labels: readonly InjectedLabel[]): Evaluation {
  const byKey = new Map<number | string, InjectedLabel[]>();
  for (const l of labels) byKey.set(l.structureKey, [...(byKey.get(l.structureKey) ?? []), l]);
  let flaggedLabelled = 0, flagged = 0, flaggedClean = 0, claims = 0, rightClaims = 0;
  const firstNamed = new Map<number | string, Set<string>>();
  const proposals = new Map<number | string, Map<string, number>>();
  responses.forEach((r, i) => {
    const fs = alarming(reports[i]);
    const truth = byKey.get(r.structureKey);
    if (fs.length) { flagged++; if (truth) flaggedLabelled++; else flaggedClean++; }
    const named = new Set(fs.map((f) => f.codes[0]).filter(Boolean));
    firstNamed.set(r.structureKey, named);
    const changed = new Set(truth?.flatMap((l) => l.codes) ?? []);
    for (const c of named) { claims++; if (changed.has(c)) rightClaims++; }
    const p = new Map<string, number>();
    for (const f of fs) if (f.suspect?.correction && !p.has(f.suspect.code)) p.set(f.suspect.code, f.suspect.correction.value);
    proposals.set(r.structureKey, p);
  });
  const labelledKeys = new Set(labels.map((l) => l.structureKey));
  const byKind: Record<string, [number, number, number]> = {};
  let found = 0, answerFound = 0, slips = 0, corrected = 0;
  for (const l of labels) {
    const i = responses.findIndex((r) => r.structureKey === l.structureKey);
    const hit = alarming(reports[i]).length > 0;
    const pointed = l.codes.some((c) => firstNamed.get(l.structureKey)!.has(c));
    found += hit ? 1 : 0; answerFound += pointed ? 1 : 0;
    const k = (byKind[l.kind] ??= [0, 0, 0]);
    k[0] += hit ? 1 : 0; k[1] += pointed ? 1 : 0; k[2]++;
    if (l.kind === 'unit_slip' || l.kind === 'digit_typo') {
      slips++;
      const proposed = proposals.get(l.structureKey)!.get(l.codes[0]);
      if (proposed !== undefined && Math.abs(proposed - l.truth[l.codes[0]]) <= l.kept) corrected++;
    }
  }
  const clean = responses.length - labelledKeys.size;
  return {
    structureRecall: labels.length ? found / labels.length : 0, structurePrecision: flagged ? flaggedLabelled / flagged : 0,
    answerPrecision: claims ? rightClaims / claims : 0, answerRecall: labels.length ? answerFound / labels.length : 0,
    cleanFlaggedPct: clean ? (100 * flaggedClean) / clean : 0, correctionRate: slips ? corrected / slips : 0,
    labels: labels.length, structures: responses.length, flaggedClean, corrections: corrected,
    recallByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v[0] / v[2]])),
    answerRecallByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, v[1] / v[2]])),
  };
}
