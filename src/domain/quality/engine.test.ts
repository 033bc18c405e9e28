import { beforeAll, describe, expect, it } from 'vitest';
import { readGeography } from '../../seed/geography';
import { generateAnswers } from '../demo/answers';
import { generateStructures, type DemoStructure } from '../demo/structures';
import { loadQuestionnaire } from '../../app/questionnaires/readDefinition';
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
    // The demo model draws a structure's steady answers (own funds, reserves, board…) from one stream that
    // shifts when an earlier yes/no draw flips, so a few percent of demo structures really jump from one
    // year to the next (own funds ×4 with nothing else moving); the engine no longer widens its tolerance
    // to hide such jumps (issue 17), so they are reported.
    expect(flagged / reports.length).toBeLessThan(0.06);
    expect(reports.filter((r) => r.score === 100).length / reports.length).toBeGreaterThan(0.9);
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

  it('turns a warning justified by a comment into an info; cash beyond a year of income is a warning', () => {
    const r = responses.find((x) => (x.answers['finances.produits'] as number) > 0)!;
    const ctx = standaloneContext({ questionnaire });
    const cash = { ...r, answers: { ...r.answers, 'finances.tresorerie': (r.answers['finances.produits'] as number) * 11 } };
    const rule = (c?: Record<string, string>) => checkResponse({ ...cash, comments: c }, ctx).findings.find((f) => f.rule === 'finances.tresorerie_budget');
    expect(rule()?.level).toBe('warning');
    expect(rule()?.codes[0]).toBe('finances.tresorerie');
    expect(rule({ 'finances.tresorerie_budget': 'Vente du local' })?.level).toBe('info');
    // one year-over-year check: the questionnaire no longer carries its own
    expect(checkResponse({ ...r, answers: { ...r.answers, 'finances.produits': (r.answers['finances.produits'] as number) * 3 } }, ctx).findings.map((f) => f.rule)).not.toContain('finances.evolution_budget');
  });

  it('names the funding line whose correction restores the sum, with the gap, and proposes it', () => {
    const ctx = prepareCampaign(responses, { questionnaire });
    const r = responses.find((x) => (x.answers['finances.financement.communes'] as number) > 10_000)!;
    const truth = r.answers['finances.financement.communes'] as number;
    const slipped = { ...r, answers: { ...r.answers, 'finances.financement.communes': truth * 100 } };
    const f = checkResponse(slipped, ctx).findings.find((x) => x.rule === 'finances.financements_produits')!;
    expect(f.codes[0]).toBe('finances.financement.communes');
    expect(f.suspect).toMatchObject({ code: 'finances.financement.communes', correction: { value: truth, reason: 'deux zéros de trop' } });
    expect(f.suspect!.likelihood).toBeGreaterThan(0.9);
    const text = f.reason.replace(/[\u202f\u00a0]/g, ' ');
    expect(text).toContain('« Total des produits » =');
    expect(text).toContain('Écart : les lignes additionnées font');
    expect(text).toMatch(/Réponse la plus probablement en cause \(\d+ %\) : « Financement : Communes et intercommunalités » \(/);
    expect(text).not.toContain('Fonds propres');
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
