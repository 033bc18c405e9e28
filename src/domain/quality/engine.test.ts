import { beforeAll, describe, expect, it } from 'vitest';
import { readGeography } from '../../seed/geography';
import { generateAnswers } from '../demo/answers';
import { generateStructures, type DemoStructure } from '../demo/structures';
import { loadQuestionnaire } from '../questionnaire/load';
import type { Catalog } from '../questionnaire/types';
import { checkResponse, flaggedCodes, prepareCampaign, runCampaign, standaloneContext, type ResponseToCheck } from './engine';

const groupsOf = (s: DemoStructure) => [`${s.kind}|${s.territory_type}`, s.kind];
let responses: ResponseToCheck[];
let questionnaire: Catalog;

beforeAll(async () => {
  questionnaire = (await loadQuestionnaire(2025)).catalog;
  const structures = generateStructures(readGeography().communes, 0.15);
  responses = structures.map((s) => ({
    structureKey: s.key, year: 2025, answers: generateAnswers(s, 2025), groups: groupsOf(s),
    history: [{ year: 2024, answers: generateAnswers(s, 2024) }, { year: 2023, answers: generateAnswers(s, 2023) }],
  }));
});

describe('quality engine', () => {
  it('finds little in clean demo data', () => {
    const { reports } = runCampaign(responses, { questionnaire });
    const flagged = reports.filter((r) => flaggedCodes(r).size > 0).length;
    expect(flagged / reports.length).toBeLessThan(0.03);
    expect(reports.filter((r) => r.score === 100).length / reports.length).toBeGreaterThan(0.95);
  });

  it('re-checks one response when an answer changes, with the campaign statistics computed once', () => {
    const ctx = prepareCampaign(responses, { questionnaire });
    const r = responses.find((x) => (x.answers['rh.effectif.animation'] as number) >= 4)!;
    expect(flaggedCodes(checkResponse(r, ctx)).size).toBe(0);
    const changed = { ...r, answers: { ...r.answers, 'rh.etp.animation': (r.answers['rh.effectif.animation'] as number) + 4 } };
    const report = checkResponse(changed, ctx);
    expect(report.findings.find((f) => f.rule === 'rh.etp_effectif.animation')?.level).toBe('error');
    expect(report.score).toBeLessThan(90);
    expect(report.deductions.some((d) => d.reason.includes('« ETP : Animation » ne peut pas dépasser « Salariés : Animation »'))).toBe(true);
    const finding = report.findings.find((f) => f.rule === 'rh.etp_effectif.animation')!;
    expect(finding.codes[0]).toBe('rh.etp.animation');
    expect(finding.reason).toContain(`« ETP : Animation » = ${String(changed.answers['rh.etp.animation'])}`);
  });

  it('turns a warning justified by a comment into an info, and reads last year for prev()', () => {
    const r = responses.find((x) => (x.answers['finances.produits'] as number) > 0)!;
    const ctx = standaloneContext({ questionnaire });
    const doubled = { ...r, answers: { ...r.answers, 'finances.produits': (r.answers['finances.produits'] as number) * 3 } };
    const budget = (c?: Record<string, string>) => checkResponse({ ...doubled, comments: c }, ctx).findings.find((f) => f.rule === 'finances.evolution_budget');
    expect(budget()?.level).toBe('warning');
    expect(budget({ 'finances.evolution_budget': 'Reprise d’une crèche' })?.level).toBe('info');
    expect(checkResponse({ ...doubled, history: [] }, ctx).findings.find((f) => f.rule === 'finances.evolution_budget')).toBeUndefined();
  });

  it('catches a unit slip through the sum, the yearly change and the peers', () => {
    const ctx = prepareCampaign(responses, { questionnaire });
    const r = responses[3];
    const slipped = { ...r, answers: { ...r.answers, 'finances.financement.communes': Math.round((r.answers['finances.financement.communes'] as number) / 1000) } };
    const kinds = new Set(checkResponse(slipped, ctx).findings.filter((f) => f.codes.includes('finances.financement.communes')).map((f) => f.kind));
    expect(kinds).toEqual(new Set(['consistency', 'year_over_year', 'peer_outlier']));
  });

  it('reports missing expected answers and lowers the score', () => {
    const r = { ...responses[0], answers: Object.fromEntries(Object.entries(responses[0].answers).slice(0, 40)) };
    const report = checkResponse(r, standaloneContext({ questionnaire, required: ['finances.produits'] }));
    expect(report.completeness.missing).toContain('finances.produits');
    expect(report.findings.find((f) => f.rule === 'completeness.required')?.level).toBe('error');
    expect(report.score).toBeLessThan(85);
  });
});
