import { describe, expect, it } from 'vitest';
import { qualityScore, scoreWeights } from './score';
import type { Finding } from './types';

const finding = (level: Finding['level'], reason = 'x'): Finding => ({ kind: 'consistency', level, codes: ['a'], rule: 'r', reason, details: {} });

describe('quality score', () => {
  it('is 100 for a complete response without findings', () => {
    expect(qualityScore([], { expected: 100, answered: 100 })).toEqual({ score: 100, deductions: [] });
  });

  it('deducts completeness in proportion and each finding by level, saying why', () => {
    const { score, deductions } = qualityScore([finding('error', 'Les ETP dépassent l’effectif.'), finding('warning'), finding('info')], { expected: 100, answered: 90 });
    expect(score).toBe(Math.round(100 - 4 - 15 - 5 - 1));
    expect(deductions[0].reason).toContain('10 réponses attendues sur 100 manquantes');
    expect(deductions[1].reason).toContain('Incohérence : Les ETP dépassent l’effectif.');
  });

  it('caps each level and never goes below 0', () => {
    const many = Array.from({ length: 10 }, () => finding('error'));
    const r = qualityScore(many, { expected: 10, answered: 0 });
    expect(r.score).toBe(0);
    expect(r.deductions.filter((d) => d.points > 0 && d.reason.startsWith('Incohérence'))).toHaveLength(scoreWeights.cap.error / scoreWeights.perFinding.error);
    expect(r.deductions.at(-1)?.reason).toContain('plafond');
  });
});
