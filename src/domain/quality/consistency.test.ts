import { ConditionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random';
import { checkConsistency, checkRule, consistencyRules, toSurveyExpression, type ConsistencyRule } from './consistency';
import type { AnswerMap } from './types';

const rule = (id: string) => consistencyRules.find((r) => r.id === id)!;
/** Reasons use narrow no-break spaces as thousands separators; tests read plain spaces. */
const plain = (s: string | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('consistency rules', () => {
  it('reports FTE above headcount with the numbers, in French', () => {
    const f = checkRule(rule('etp_le_effectif.animation'), { 'rh.etp.animation': 12.5, 'rh.effectif.animation': 8 });
    expect(f?.level).toBe('error');
    expect(f?.codes).toEqual(['rh.etp.animation', 'rh.effectif.animation']);
    expect(f?.reason).toContain('Le total des ETP animation (12,5) dépasse l’effectif animation (8)');
    expect(checkRule(rule('etp_le_effectif.animation'), { 'rh.etp.animation': 8, 'rh.effectif.animation': 8 })).toBeNull();
  });

  it('skips a rule when an answer is missing', () => {
    expect(checkRule(rule('etp_le_effectif.animation'), { 'rh.etp.animation': 12.5 })).toBeNull();
  });

  const funding = (extra: number): AnswerMap => ({
    'finances.produits': 100_000, 'finances.financement.communes': 40_000 + extra, 'finances.financement.caf_ps': 30_000, 'finances.financement.caf_local': 10_000,
    'finances.financement.departement': 5_000, 'finances.financement.region': 0, 'finances.financement.etat': 5_000, 'finances.financement.emplois_aides': 0,
    'finances.financement.usagers': 5_000, 'finances.financement.autres': 5_000,
  });
  it('accepts funding that adds up within 1 % and reports a larger gap', () => {
    expect(checkRule(rule('financements_egal_produits'), funding(900))).toBeNull();
    const f = checkRule(rule('financements_egal_produits'), funding(-12_000));
    expect(plain(f?.reason)).toContain('88 000 €');
    expect(plain(f?.reason)).toContain('écart de 12 000 € (12 %)');
    expect(f?.codes[0]).toBe('finances.produits');
  });

  it('flags a zero income with staff, and not without staff', () => {
    const staff = { 'rh.effectif.direction_accueil': 2, 'rh.effectif.animation': 3, 'rh.effectif.technique': 0, 'finances.produits': 0 };
    expect(checkRule(rule('produits_avec_salaries'), staff)?.reason).toContain('5 salarié(s)');
    expect(checkRule(rule('produits_avec_salaries'), { ...staff, 'rh.effectif.direction_accueil': 0, 'rh.effectif.animation': 0 })).toBeNull();
  });

  it('checks people reached against the action declared, both ways', () => {
    expect(checkRule(rule('public_sans_action.culture'), { 'actions.culture.oui': false, 'actions.culture.personnes': 40 })?.reason).toContain('40 personnes');
    expect(checkRule(rule('action_sans_public.culture'), { 'actions.culture.oui': true, 'actions.culture.personnes': 0 })).not.toBeNull();
    expect(checkConsistency({ 'actions.culture.oui': true, 'actions.culture.personnes': 40 })).toEqual([]);
  });

  it('bounds expenses against income and keeps percentages in range', () => {
    expect(plain(checkRule(rule('charges_produits_plausibles'), { 'finances.charges': 700_000, 'finances.produits': 700 })?.reason)).toContain('100 000 %');
    expect(checkRule(rule('charges_produits_plausibles'), { 'finances.charges': 103_000, 'finances.produits': 100_000 })).toBeNull();
    expect(checkRule(rule('temps_partiel_0_100'), { 'rh.temps_partiel_part': 140 })?.level).toBe('error');
  });

  it('checks board women, payroll and general assembly', () => {
    expect(checkRule(rule('ca_femmes_le_membres'), { 'participation.ca.femmes': 12, 'participation.ca.membres': 9 })).not.toBeNull();
    expect(checkRule(rule('masse_salariale_le_charges'), { 'rh.masse_salariale': 500_000, 'finances.charges': 400_000 })).not.toBeNull();
    expect(checkRule(rule('ag_le_adherents'), { 'participation.ag.presents': 30, 'participation.adherents': 300 })).toBeNull();
  });

  it('translates every rule to a SurveyJS expression that agrees with the evaluator', () => {
    const nameOf = (c: string) => c.replaceAll('.', '_');
    const r = new Random(5);
    for (const rl of consistencyRules as ConsistencyRule[]) {
      const runner = new ConditionRunner(toSurveyExpression(rl, nameOf));
      const codes = new Set<string>();
      for (const k of ['left', 'right', 'parts', 'num', 'den'] as const) for (const c of ((rl as unknown as Record<string, string[]>)[k] ?? [])) codes.add(c);
      if (rl.type === 'sum') codes.add(rl.total);
      if (rl.type === 'between') codes.add(rl.code);
      if (rl.type === 'implies') [...rl.when.codes, ...rl.then.codes].forEach((c) => codes.add(c));
      for (let i = 0; i < 30; i++) {
        const a: Record<string, number | boolean> = {};
        for (const c of codes) {
          const expanded = c === 'rh.effectif.total' ? ['rh.effectif.direction_accueil', 'rh.effectif.animation', 'rh.effectif.technique'] : [c];
          for (const e of expanded) a[e] = e.endsWith('.oui') ? r.chance(0.5) : r.chance(0.3) ? 0 : r.int(0, 120);
        }
        const values = Object.fromEntries(Object.entries(a).map(([k, v]) => [nameOf(k), v]));
        expect(runner.runValues(values), `${rl.id} ${JSON.stringify(a)}`).toBe(checkRule(rl, a) === null);
      }
    }
  });
});
