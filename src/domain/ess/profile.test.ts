import { describe, expect, it } from 'vitest';
import { essProfile } from './profile';
import { essValues, withEssValues } from './aggregate';

/** A lively associative centre whose answers document most themes. */
const lively = {
  'participation.adherents': 400, 'participation.ag.presents': 80, 'participation.ag.date': '2025-05-20',
  'participation.ca.membres': 20, 'participation.ca.femmes': 10, 'participation.ca.moins_30': 2, 'participation.ca.plus_60': 6,
  'participation.ca.habitants': 14, 'participation.ca.institutions': 4, 'participation.comites_habitants': 3,
  'projet.participation_diagnostic': true, 'partenariats.commune': true, 'partenariats.interco': false,
  'rh.convention': 'alisfa', 'rh.contrat.cdi': 15, 'rh.contrat.cdd': 5, 'rh.contrat.aides': 0, 'rh.contrat.apprentis': 0, 'rh.temps_partiel_part': 40,
  'actions.familles.oui': true, 'actions.ecologie.oui': true,
  'finances.reserves': 50_000, 'finances.fonds_propres': 120_000, 'finances.produits': 700_000, 'finances.charges': 690_000,
};
const state = (p: ReturnType<typeof essProfile>, key: string) => [...p.criteria, ...p.goodPractice].find((i) => i.key === key)!.state;

describe('ESS profile', () => {
  it('an association meets the law’s three conditions and documents seven of the eight themes (ethics is never asked)', () => {
    const p = essProfile('association', lively);
    expect(p.status).toBe('ess_by_status');
    expect(p.criteria.map((c) => c.state)).toEqual(['met', 'met', 'met']);
    expect(p.goodPractice.map((g) => [g.key, g.state])).toEqual([
      ['gouvernance', 'met'], ['concertation_strategie', 'met'], ['territorialisation', 'met'], ['politique_salariale', 'met'],
      ['lien_usagers', 'met'], ['egalite_femmes_hommes', 'met'], ['developpement_durable', 'met'], ['ethique', 'unknown'],
    ]);
    expect(p.summary).toEqual({ met: 10, notMet: 0, unknown: 1 });
    expect(p.facts).toMatchObject({ agAttendance: 20, boardWomenShare: 50, boardInhabitantsShare: 70, boardInstitutionsShare: 20, boardOthers: 2, result: 10_000 });
    expect(p.criteria[2].evidence).toContain('Réserves déclarées : 50 000 €');
    expect(p.goodPractice[3].evidence).toEqual(['CDI : 75 % des salariés', 'Temps partiel : 40 % des salariés']);
  });

  it('a centre run by the commune is outside the law’s field', () => {
    const p = essProfile('collectivite', lively);
    expect(p.status).toBe('outside');
    expect(p.criteria.map((c) => c.state)).toEqual(['not_met', 'not_met', 'not_met']);
    expect(p.criteria[0].reason).toMatch(/hors du champ de la loi ESS/);
  });

  it('an unknown management mode leaves the status criteria unknown, with the reason', () => {
    const p = essProfile('autre', lively);
    expect(p.status).toBe('unknown');
    expect(state(p, 'but_non_lucratif')).toBe('unknown');
    expect(p.criteria[0].reason).toMatch(/statut juridique n’est pas demandé/);
    expect(essProfile(null, {}).criteria[0].reason).toMatch(/pas renseigné/);
  });

  it('a board with a single woman out of ten is not paritary; 4 out of 10 is', () => {
    expect(state(essProfile('association', { ...lively, 'participation.ca.membres': 10, 'participation.ca.femmes': 1 }), 'egalite_femmes_hommes')).toBe('not_met');
    expect(state(essProfile('association', { ...lively, 'participation.ca.membres': 10, 'participation.ca.femmes': 4 }), 'egalite_femmes_hommes')).toBe('met');
    expect(state(essProfile('association', { ...lively, 'participation.ca.membres': 10, 'participation.ca.femmes': 7 }), 'egalite_femmes_hommes')).toBe('not_met');
  });

  it('no general assembly and no date: democratic governance not met; missing answers: unknown with what is missing', () => {
    const none = essProfile('association', { ...lively, 'participation.ag.presents': 0, 'participation.ag.date': undefined });
    expect(state(none, 'gouvernance_democratique')).toBe('not_met');
    const missing = essProfile('association', { 'participation.ca.membres': 12 });
    expect(state(missing, 'gouvernance_democratique')).toBe('unknown');
    expect(missing.criteria[1].reason).toBe('Réponse manquante : le nombre d’adhérents, l’assemblée générale.');
    expect(missing.goodPractice.every((g) => g.state === 'unknown')).toBe(true);
  });

  it('no ecology action is unknown rather than not met: the environmental policy is not asked', () => {
    const p = essProfile('association', { ...lively, 'actions.ecologie.oui': false });
    expect(state(p, 'developpement_durable')).toBe('unknown');
    expect(p.goodPractice[6].reason).toMatch(/n’est pas demandée/);
  });

  it('derived values for territory figures', () => {
    expect(essValues('association', lively)).toEqual({
      'ess.association': true, 'ess.gouvernance_democratique': true, 'ess.parite_ca': true,
      'ess.taux_presence_ag': 20, 'ess.part_habitants_ca': 70, 'ess.part_institutions_ca': 20, 'ess.bonnes_pratiques': 7,
    });
    const { 'rh.convention': _c, ...numbers } = lively;
    const records = [{ structureId: 3, cellKey: 1, attributes: { management: 'association' } as never, values: numbers as never }];
    expect(withEssValues(records)[0].values['ess.bonnes_pratiques']).toBe(6);
    expect(withEssValues(records, new Map([[3, { 'rh.convention': 'alisfa' }]]))[0].values['ess.bonnes_pratiques']).toBe(7);
  });
});
