/**
 * The quality engine: one place that turns a response (with its past years and its peer group) into
 * findings and a score. Pure. Campaign-wide statistics (peer groups, yearly spreads) are computed once by
 * `prepareCampaign`; `checkResponse` then re-checks one response in well under a millisecond, e.g. when an
 * answer changes.
 */
import type { Catalog } from '../questionnaire/types';
import { checkCompleteness, coreCodes } from './completeness';
import { buildPeerStats, checkPeers, type PeerOptions, type PeerStats } from './peers';
import { learnSpreads } from './history';
import { locate } from './locate';
import { checkRules } from './rules';
import { qualityScore } from './score';
import type { AnswerMap, Finding, PastAnswers, QualityReport } from './types';
import { amountCodes, checkCopiedSections, checkYearOverYear, defaultYearOverYearOptions, type YearOverYearOptions } from './yearOverYear';

/** A response to check. `groups`: its peer group keys, finest first (e.g. `['CS|urban|10k-50k', 'CS|urban', 'CS']`). */
export interface ResponseToCheck {
  structureKey: string | number;
  year: number;
  answers: AnswerMap;
  /** Earlier years of the same structure (any order); only year − 1 and year − 2 are used. */
  history?: readonly PastAnswers[];
  groups?: readonly string[];
  /** Comments justifying the questionnaire's warnings, by rule id. */
  comments?: Readonly<Record<string, string>>;
  /** External data sets about this structure for the year, by data set then field: what `ext()` reads in rules (hook for src/app/quality/qualityContext.ts). */
  external?: Readonly<Record<string, Record<string, unknown>>>;
}

/** What the engine needs besides the response itself. */
export interface QualityContext {
  expected: readonly string[];
  required: readonly string[];
  /** The response's questionnaire: its rules are the consistency checks (one rule language). */
  questionnaire: Catalog;
  yearOverYear: YearOverYearOptions;
  /** Absent: no peer checks (e.g. before enough responses are in). */
  peers?: PeerStats;
}

export interface CampaignOptions {
  /** The campaign's questionnaire (with its local questions when checking one response). */
  questionnaire: Catalog;
  expected?: readonly string[];
  required?: readonly string[];
  yearOverYear?: Partial<YearOverYearOptions>;
  peers?: Partial<PeerOptions>;
}

/**
 * Campaign-wide statistics, computed once: peer group summaries for every metric and the usual yearly
 * change of every indicator.
 * @example const ctx = prepareCampaign(responses, { questionnaire: catalog }); const report = checkResponse(responses[0], ctx);
 */
export function prepareCampaign(responses: readonly ResponseToCheck[], options: CampaignOptions): QualityContext {
  const years = responses.flatMap((r) => {
    const last = r.history?.find((h) => h.year === r.year - 1)?.answers;
    return last ? [{ current: r.answers, last, before: r.history?.find((h) => h.year === r.year - 2)?.answers }] : [];
  });
  const spread = learnSpreads(years, amountCodes);
  const withGroups = responses.filter((r) => r.groups?.length);
  return {
    expected: options.expected ?? coreCodes,
    required: options.required ?? [],
    questionnaire: options.questionnaire,
    yearOverYear: { ...defaultYearOverYearOptions, spread, ...options.yearOverYear },
    peers: withGroups.length ? buildPeerStats(withGroups.map((r) => ({ groups: r.groups!, answers: r.answers })), options.peers) : undefined,
  };
}

/** The context without campaign statistics: completeness, the questionnaire's rules and year-over-year at the default 33 %. */
export function standaloneContext(options: CampaignOptions): QualityContext {
  return prepareCampaign([], options);
}

/**
 * Every finding and the score of one response.
 * @example checkResponse({ structureKey: 12, year: 2025, answers, history: [{ year: 2024, answers: last }], groups }, ctx).score
 */
export function checkResponse(r: ResponseToCheck, ctx: QualityContext): QualityReport {
  const history = r.history ?? [];
  const c = checkCompleteness(r.answers, ctx.expected, ctx.required);
  const found: Finding[] = [
    ...checkRules(ctx.questionnaire, r.answers, { previous: history.find((h) => h.year === r.year - 1)?.answers, comments: r.comments, external: r.external }),
    ...checkYearOverYear(r.year, r.answers, history, ctx.yearOverYear),
    ...checkCopiedSections(r.year, r.answers, history, ctx.yearOverYear),
    ...(ctx.peers && r.groups?.length ? checkPeers(r.answers, r.groups, ctx.peers) : []),
  ];
  const findings = [...c.findings, ...locate(found, { year: r.year, answers: r.answers, history, yearOverYear: ctx.yearOverYear, questionnaire: ctx.questionnaire, peers: ctx.peers, groups: r.groups })];
  const { score, deductions } = qualityScore(findings, c);
  return { findings, score, deductions, completeness: { expected: c.expected, answered: c.answered, missing: c.missing } };
}

/**
 * A full campaign: statistics once, then every response.
 * @example const { reports } = runCampaign(responses, { questionnaire: catalog }); reports[0].score
 */
export function runCampaign(responses: readonly ResponseToCheck[], options: CampaignOptions): { context: QualityContext; reports: QualityReport[] } {
  const context = prepareCampaign(responses, options);
  return { context, reports: responses.map((r) => checkResponse(r, context)) };
}

/** The codes a report flags at `error` or `warning` level. */
export function flaggedCodes(report: QualityReport, levels: readonly Finding['level'][] = ['error', 'warning']): Set<string> {
  const out = new Set<string>();
  for (const f of report.findings) if (levels.includes(f.level)) for (const code of f.codes) out.add(code);
  return out;
}
