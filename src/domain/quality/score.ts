/**
 * The quality score of a response, 0–100, and what lowered it.
 *
 * Weights (documented for users):
 * - completeness: up to 40 points, in proportion to the share of expected answers missing;
 * - each `error` finding (other than completeness): 15 points, at most 60 in all;
 * - each `warning` finding: 5 points, at most 30 in all;
 * - each `info` finding (other than completeness): 1 point, at most 5 in all.
 * A response complete and without findings scores 100; the score never goes below 0.
 */
import type { Finding, FindingLevel, ScoreDeduction } from './types';
import { plural, pluralWord } from '../labels';

export const scoreWeights = {
  completeness: 40,
  perFinding: { error: 15, warning: 5, info: 1 } as Record<FindingLevel, number>,
  cap: { error: 60, warning: 30, info: 5 } as Record<FindingLevel, number>,
} as const;

const levelWords: Record<FindingLevel, string> = { error: 'incohérence', warning: 'alerte', info: 'remarque' };

/**
 * @example qualityScore([], { expected: 100, answered: 90 }).score // 96
 */
export function qualityScore(findings: readonly Finding[], completeness: { expected: number; answered: number }): { score: number; deductions: ScoreDeduction[] } {
  const deductions: ScoreDeduction[] = [];
  const missing = completeness.expected - completeness.answered;
  if (missing > 0 && completeness.expected > 0) {
    const points = Math.round((scoreWeights.completeness * missing) / completeness.expected * 10) / 10;
    deductions.push({ points, reason: `${plural(missing, 'réponse attendue', 'réponses attendues')} sur ${completeness.expected} ${pluralWord(missing, 'manquante', 'manquantes')} (−${formatPoints(points)} points)` });
  }
  const used: Record<FindingLevel, number> = { error: 0, warning: 0, info: 0 };
  const skipped: Record<FindingLevel, number> = { error: 0, warning: 0, info: 0 };
  const order: FindingLevel[] = ['error', 'warning', 'info'];
  for (const level of order) {
    for (const f of findings) {
      if (f.level !== level || f.kind === 'completeness') continue;
      const points = Math.min(scoreWeights.perFinding[level], scoreWeights.cap[level] - used[level]);
      if (points <= 0) { skipped[level]++; continue; }
      used[level] += points;
      deductions.push({ points, reason: `${capitalize(levelWords[level])} : ${f.reason} (−${formatPoints(points)} points)` });
    }
    if (skipped[level]) deductions.push({ points: 0, reason: `… et ${plural(skipped[level], `autre ${levelWords[level]}`, `autres ${levelWords[level]}s`)}, sans effet supplémentaire : le plafond de ${scoreWeights.cap[level]} points est atteint.` });
  }
  const total = deductions.reduce((s, d) => s + d.points, 0);
  return { score: Math.max(0, Math.round(100 - total)), deductions };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const formatPoints = (p: number) => String(p).replace('.', ',');
