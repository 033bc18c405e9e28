import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, readDefinition } from '../../app/questionnaires/readDefinition';
import { baseContext, completeAnswers } from './testFixtures';
import { canSubmit, validateAnswer, validateResponse } from './validate';

const { catalog } = await loadQuestionnaire(2024);
const only = (answers: Record<string, unknown>) => validateResponse(catalog, answers, {}, { partial: true });

describe('validateAnswer', () => {
  it.each([
    ['rh.effectif.animation', 'answer.type', '12', '« Salariés : Animation » : un nombre est attendu.'],
    ['rh.effectif.animation', 'answer.type', 2.5, '« Salariés : Animation » : un nombre entier est attendu.'],
    ['rh.effectif.animation', 'answer.range', -1, '« Salariés : Animation » : la valeur doit être comprise entre 0 et 1 000.'],
    ['rh.temps_partiel_part', 'answer.range', 140, '« Part des salariés à temps partiel (%) » : la valeur doit être comprise entre 0 et 100.'],
    ['finances.produits', 'answer.range', 5e9, '« Total des produits » : la valeur doit être comprise entre 0 et 100 000 000.'],
    ['finances.produits', 'answer.type', Number.NaN, '« Total des produits » : un nombre est attendu.'],
    ['actions.culture.oui', 'answer.type', 'oui', '« Culture : actions menées » : oui ou non est attendu.'],
    ['territoire.type', 'answer.choice', 'montagne', '« Type de territoire » : « montagne » ne fait pas partie des choix proposés (Plutôt urbain, Plutôt rural).'],
    ['participation.ag.date', 'answer.type', '2024-13-01', '« Date de la dernière assemblée générale » : une date au format AAAA-MM-JJ est attendue.'],
    ['participation.ag.date', 'answer.range', '2019-05-01', '« Date de la dernière assemblée générale » : la valeur doit être comprise entre 2023-01-01 et 2025-12-31.'],
    ['identite.siret', 'answer.format', '1234', '« Numéro SIRET » : Le SIRET compte 14 chiffres, sans espace.'],
    ['identite.nom', 'answer.type', 42, '« Nom de la structure » : un texte est attendu.'],
    ['identite.nom', 'answer.range', 'x'.repeat(5001), '« Nom de la structure » : le texte dépasse 5 000 caractères.'],
    ['rh.etp.total', 'answer.derived', 3, '« ETP : total » : cette valeur est calculée et ne peut pas être saisie.'],
    ['rh.etp.inconnu', 'answer.unknown_code', 3, '« rh.etp.inconnu » n’est pas une question du questionnaire 2024.'],
  ])('refuses %s (%s)', (code, rule, value, message) => {
    const found = validateAnswer(catalog, code, value).map((f) => ({ ...f, message: f.message.replace(/\u202f/g, ' ') }));
    expect(found).toEqual([{ rule, level: 'error', message, questions: [code] }]);
  });

  it.each([
    ['rh.etp.animation', 7.5], ['finances.resultat', -12000], ['actions.culture.oui', false], ['territoire.type', 'rural'],
    ['participation.ag.date', '2024-06-30'], ['identite.siret', '73282932000074'], ['finances.charges', null], ['identite.nom', ''],
  ])('accepts %s = %j', (code, value) => {
    expect(validateAnswer(catalog, code, value)).toEqual([]);
  });
});

describe('validateResponse', () => {
  it('refuses unknown codes and wrong values, and skips the rules that read them', () => {
    const result = only({ 'x.y': 1, 'rh.effectif.animation': 'beaucoup', 'rh.etp.animation': 9 });
    expect(result.errors.map((f) => f.rule)).toEqual(['answer.unknown_code', 'answer.type']);
  });

  it('in partial mode, checks only rules whose answers are all given', () => {
    expect(only({ 'rh.etp.animation': 9 }).errors).toEqual([]);
    expect(only({ 'rh.etp.animation': 9, 'rh.effectif.animation': 8 }).errors.map((f) => f.rule)).toEqual(['rh.etp_effectif.animation']);
  });

  it('in full mode, lists required answers, following visibility and requiredIf', () => {
    const answers = { ...completeAnswers(2024) };
    delete answers['finances.produits'];
    delete answers['territoire.qpv.codes_2024'];
    const result = validateResponse(catalog, answers, baseContext());
    expect(result.errors.filter((f) => f.rule === 'answer.required').map((f) => f.questions[0]))
      .toEqual(['territoire.qpv.codes_2024', 'finances.produits']);
    const nearby = { ...answers, 'territoire.qpv': 'nearby', 'finances.produits': 700000 };
    expect(validateResponse(catalog, nearby, baseContext()).errors).toEqual([]);
  });

  it('ignores and recomputes derived totals sent by the browser', () => {
    const answers = { ...completeAnswers(2024), 'finances.financement.total': 1, 'rh.etp.total': 'n’importe quoi' };
    expect(validateResponse(catalog, answers, baseContext()).errors).toEqual([]);
  });

  it('accepts a definition object as well as a catalog', async () => {
    const definition = await readDefinition(2024);
    const result = validateResponse(definition, { 'participation.ca.membres': 5, 'participation.ca.femmes': 6 }, {}, { partial: true });
    expect(result.errors.map((f) => f.rule)).toEqual(['participation.ca_femmes']);
  });

  it('lets a response be submitted only without errors and with every warning justified by a comment', () => {
    const answers = { ...completeAnswers(2024), 'participation.ag.presents': 450 };
    const unjustified = validateResponse(catalog, answers, baseContext());
    expect(unjustified.warnings.map((w) => [w.rule, w.justified])).toEqual([['participation.ag_presents_adherents', false]]);
    expect(canSubmit(unjustified)).toBe(false);
    const justified = validateResponse(catalog, answers, baseContext(), { comments: { 'participation.ag_presents_adherents': 'AG ouverte aux habitants' } });
    expect(canSubmit(justified)).toBe(true);
    expect(canSubmit(validateResponse(catalog, { ...answers, 'finances.resultat': 0 }, baseContext(), { comments: { 'participation.ag_presents_adherents': 'ok' } }))).toBe(false);
  });
});
