import { describe, expect, it } from 'vitest';
import { SurveyModel } from 'survey-core';
import { actionFields, staffFunctions } from '../indicators';
import { attachContext } from './functions';
import { availableYears, loadQuestionnaire } from '../../app/questionnaires/readDefinition';
import { baseContext, completeAnswers } from './testFixtures';
import type { QualityContext } from './types';
import { validateResponse } from './validate';

/** Changes to the complete response (and context) that make a rule fire, and close ones that make it pass. */
interface Case { fire: Record<string, unknown>; pass: Record<string, unknown>; fireContext?: QualityContext; passContext?: QualityContext }

const noStaff = (kind: 'etp' | 'effectif') => Object.fromEntries(staffFunctions.map(([f]) => [`rh.${kind}.${f}`, 0]));
const noRightsAction = { 'actions.acces_droits.oui': false, 'actions.acces_droits.personnes': 0 };
const cases: Record<string, Case> = {
  ...Object.fromEntries(staffFunctions.map(([f]) => [`rh.etp_effectif.${f}`, {
    fire: { [`rh.effectif.${f}`]: 4, [`rh.etp.${f}`]: 4.5 }, pass: { [`rh.effectif.${f}`]: 4, [`rh.etp.${f}`]: 4 },
  }])),
  ...Object.fromEntries(actionFields.flatMap(([f]) => [
    [`actions.${f}.personnes_sans_action`, { fire: { [`actions.${f}.oui`]: false, [`actions.${f}.personnes`]: 5 }, pass: { [`actions.${f}.oui`]: false, [`actions.${f}.personnes`]: 0 } }],
    [`actions.${f}.personnes_si_action`, { fire: { [`actions.${f}.oui`]: true, [`actions.${f}.personnes`]: 0 }, pass: { [`actions.${f}.oui`]: true, [`actions.${f}.personnes`]: 1 } }],
  ])),
  ...Object.fromEntries(staffFunctions.map(([f]) => [`rh.effectif_sans_etp.${f}`, {
    fire: { [`rh.effectif.${f}`]: 4, [`rh.etp.${f}`]: 0 }, pass: { [`rh.effectif.${f}`]: 0, [`rh.etp.${f}`]: 0 },
  }])),
  'rh.masse_salariale_etp': { fire: { 'rh.masse_salariale': 0 }, pass: { 'rh.masse_salariale': 0, ...noStaff('etp') } },
  'finances.produits_salaries': { fire: { 'finances.produits': 0 }, pass: { 'finances.produits': 0, ...noStaff('effectif') } },
  'finances.charges_salaries': { fire: { 'finances.charges': 0 }, pass: { 'finances.charges': 0, ...noStaff('effectif') } },
  'finances.charges_produits': { fire: { 'finances.charges': 559000, 'finances.resultat': 141000 }, pass: { 'finances.charges': 560000, 'finances.resultat': 140000 } },
  'territoire.npnru_sans_qpv': { fire: { 'territoire.qpv': 'none', 'territoire.npnru.stade': 'travaux' }, pass: { 'territoire.qpv': 'nearby', 'territoire.npnru.stade': 'travaux' } },
  'projet.anciennete': { fire: { 'projet.annee': 'year-5' }, pass: { 'projet.annee': 'year-4' } },
  'actions.droits.accompagnees_informees': { fire: { 'actions.droits.accompagnees': 601 }, pass: { 'actions.droits.accompagnees': 600 } },
  'actions.droits.sans_action': { fire: { ...noRightsAction, 'actions.droits.informees': 10, 'actions.droits.accompagnees': 5 }, pass: { ...noRightsAction, 'actions.droits.informees': 0, 'actions.droits.accompagnees': 0 } },
  'actions.france_services_droits': { fire: { ...noRightsAction, 'actions.droits.informees': 0, 'actions.droits.accompagnees': 0, 'actions.france_services': true }, pass: { 'actions.france_services': true } },
  'participation.ag_presents_adherents': { fire: { 'participation.ag.presents': 401 }, pass: { 'participation.ag.presents': 400 } },
  'participation.ca_femmes': { fire: { 'participation.ca.femmes': 21 }, pass: { 'participation.ca.femmes': 20 } },
  'participation.ca_ages': { fire: { 'participation.ca.moins_30': 12, 'participation.ca.plus_60': 9 }, pass: { 'participation.ca.moins_30': 12, 'participation.ca.plus_60': 8 } },
  'participation.ca_composition': { fire: { 'participation.ca.habitants': 17 }, pass: { 'participation.ca.habitants': 16 } },
  'participation.benevoles_jeunes': { fire: { 'participation.benevoles_jeunes': 56 }, pass: { 'participation.benevoles_jeunes': 55 } },
  'participation.heures_sans_benevoles': { fire: { 'participation.benevoles': 0, 'participation.benevoles_jeunes': 0, 'participation.heures_benevoles': 10 }, pass: { 'participation.benevoles': 0, 'participation.benevoles_jeunes': 0, 'participation.heures_benevoles': 0 } },
  'participation.heures_par_benevole': { fire: { 'participation.heures_benevoles': 55 * 1607 + 1 }, pass: { 'participation.heures_benevoles': 55 * 1607 } },
  'participation.benevoles_pairs': { fire: { 'participation.benevoles': 201 }, pass: { 'participation.benevoles': 200 } },
  'rh.contrats_effectif': { fire: { 'rh.contrat.cdi': 19 }, pass: { 'rh.contrat.cdi': 19, 'rh.contrat.cdd': 4 } },
  'rh.masse_salariale_charges': { fire: { 'rh.masse_salariale': 690001 }, pass: { 'rh.masse_salariale': 690000 } },
  'rh.salaries_sans_masse': { fire: { 'rh.masse_salariale': 0 }, pass: { 'rh.masse_salariale': 1 } },
  'rh.etp_elisfa': { fire: {}, pass: {}, fireContext: { external: { elisfa: { etp_total: 12.4 } } }, passContext: { external: { elisfa: { etp_total: 12.5 } } } },
  'finances.produits_pairs': { fire: {}, pass: {}, fireContext: { peers: { 'finances.produits': { q3: 340000 } } }, passContext: { peers: { 'finances.produits': { q3: 350000 } } } },
  'finances.resultat': { fire: { 'finances.resultat': 10002 }, pass: { 'finances.resultat': 10001 } },
  'finances.caf_ps_cs': { fire: { 'finances.financement.caf_ps': 0, 'finances.financement.autres': 189000 }, pass: { 'identite.type': 'evs', 'finances.financement.caf_ps': 0, 'finances.financement.autres': 189000 } },
  'finances.financements_produits': { fire: { 'finances.financement.autres': 42001 }, pass: { 'finances.financement.autres': 42000 } },
  'finances.tresorerie_budget': { fire: { 'finances.tresorerie': 700001 }, pass: { 'finances.tresorerie': 700000 } },
  'finances.fonds_propres_budget': { fire: { 'finances.fonds_propres': 1400001 }, pass: { 'finances.fonds_propres': 1400000 } },
  'finances.reserves_budget': { fire: { 'finances.reserves': 1400001, 'finances.fonds_propres': 1400000 }, pass: { 'finances.reserves': 1400000, 'finances.fonds_propres': 1400000 } },
  'finances.reserves_fonds_propres': { fire: { 'finances.reserves': 150001 }, pass: { 'finances.reserves': 150000 } },
  'finances.frais_bancaires_eleves': { fire: { 'finances.frais_bancaires': 6901 }, pass: { 'finances.frais_bancaires': 6900 } },
  'theme.2023.sensibilisation': { fire: { 'theme.2023.actions_sensibilisation': 0 }, pass: { 'theme.2023.actions_sensibilisation': 0, 'theme.2023.personnes_sensibilisees': 0 } },
  'theme.2023.energie_charges': { fire: { 'theme.2023.energie_depenses': 690001 }, pass: { 'theme.2023.energie_depenses': 690000 } },
  'theme.2024.jeunes_instances': { fire: { 'theme.2024.jeunes_instances': 41 }, pass: { 'theme.2024.jeunes_instances': 40 } },
  'theme.2024.budget_participatif_produits': { fire: { 'theme.2024.budget_participatif_montant': 700001 }, pass: { 'theme.2024.budget_participatif_montant': 700000 } },
  'theme.2025.eaje_petite_enfance': { fire: { 'actions.petite_enfance.oui': false, 'actions.petite_enfance.personnes': 0 }, pass: { 'theme.2025.eaje': false, 'actions.petite_enfance.oui': false, 'actions.petite_enfance.personnes': 0 } },
  'theme.2025.eaje_enfants': { fire: { 'theme.2025.enfants_accueillis': 0 }, pass: { 'theme.2025.enfants_accueillis': 1 } },
  'theme.2025.professionnels_effectif': { fire: { 'theme.2025.professionnels': 27 }, pass: { 'theme.2025.professionnels': 26 } },
};

/** 'year-5' stands for the data year minus 5, so one table serves every year. */
function answersWith(year: number, changes: Record<string, unknown>): Record<string, unknown> {
  const resolved = Object.entries(changes).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('year-') ? year - Number(v.slice(5)) : v]);
  return { ...completeAnswers(year), ...Object.fromEntries(resolved) };
}
const contextWith = (extra?: QualityContext): QualityContext => ({ ...baseContext(), ...extra });
const firedRules = (year: number, catalog: Parameters<typeof validateResponse>[0], changes: Record<string, unknown>, context?: QualityContext) => {
  const result = validateResponse(catalog, answersWith(year, changes), contextWith(context));
  return [...result.errors, ...result.warnings, ...result.infos];
};

for (const year of availableYears) {
  describe(`rules of ${year}`, async () => {
    const { catalog, definition } = await loadQuestionnaire(year);

    it('has a test case for every rule, and no case for a rule it lacks', () => {
      const ids = catalog.rules.map((r) => r.id);
      expect(ids.filter((id) => !cases[id])).toEqual([]);
      const ownTheme = (id: string) => !id.startsWith('theme.') || id.startsWith(`theme.${year}.`);
      expect(Object.keys(cases).filter((id) => ownTheme(id) && !ids.includes(id))).toEqual([]);
      expect(new Set(catalog.rules.map((r) => r.level))).toEqual(new Set(['error', 'warning', 'info']));
    });

    it('finds nothing in the complete consistent response', () => {
      expect(firedRules(year, catalog, {})).toEqual([]);
    });

    for (const rule of catalog.rules) {
      const c = cases[rule.id];
      it(`${rule.id} fires (${rule.level})`, () => {
        const found = firedRules(year, catalog, c.fire, c.fireContext).filter((f) => f.rule === rule.id);
        expect(found).toEqual([expect.objectContaining({ level: rule.level, message: rule.message })]);
        const named = rule.questions.filter((code) => rule.message.includes(`« ${catalog.questions[code].label} »`));
        expect(named.length, 'the message names at least one question it reads').toBeGreaterThan(0);
      });
      it(`${rule.id} passes`, () => {
        expect(firedRules(year, catalog, c.pass, c.passContext).map((f) => f.rule)).not.toContain(rule.id);
      });
    }

    it('fires the same rules in a live SurveyModel (browser path) as on the server, for visible anchors', () => {
      const survey = new SurveyModel(definition);
      for (const rule of catalog.rules) {
        const c = cases[rule.id];
        const answers = answersWith(year, c.fire);
        attachContext(survey, contextWith(c.fireContext));
        survey.data = answers;
        for (const page of survey.visiblePages) page.validate(true, false);
        const shown = survey.getAllQuestions(true).flatMap((q) => q.errors.map((e) => `${q.name}|${e.text}|${e.notificationType}`));
        const server = firedRules(year, catalog, c.fire, c.fireContext).filter((f) => catalog.rules.some((r) => r.id === f.rule));
        const visibleAnchors = new Set(survey.getAllQuestions(true).map((q) => q.name));
        const expected = server.map((f) => catalog.rules.find((r) => r.id === f.rule)!)
          .filter((r) => visibleAnchors.has(r.anchor)).map((r) => `${r.anchor}|${r.message}|${r.level}`);
        expect(shown.filter((s) => expected.includes(s) || catalog.rules.some((r) => s.includes(r.message))).sort(), rule.id).toEqual(expected.sort());
      }
    });
  });
}
