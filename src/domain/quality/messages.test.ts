/** The French of every kind of message: value, last year's value, reference, gap, agreement and units. */
import { describe, expect, it } from 'vitest';
import { Random } from '../demo/random';
import { readDefinitionSync } from '../../app/questionnaires/readDefinition';
import { loadVersion } from '../questionnaire/catalog';
import { candidates, explains } from './corrections';
import { locate } from './locate';
import { buildPeerStats, checkPeers } from './peers';
import { checkRules } from './rules';
import type { AnswerMap } from './types';
import { checkCopiedSections, checkYearOverYear, defaultYearOverYearOptions } from './yearOverYear';

const plain = (s: string | undefined) => (s ?? '').replace(/[\u202f\u00a0]/g, ' ');
const questionnaire = loadVersion(readDefinitionSync(2025)).catalog;
const G = ['CS|urban|10k-50k', 'CS|urban', 'CS'];

function group(n: number): AnswerMap[] {
  const r = new Random(7);
  return Array.from({ length: n }, () => {
    const size = r.logNormal(1, 0.4);
    const etp = Math.round(13 * size * r.logNormal(1, 0.05) * 10) / 10;
    const produits = Math.round(700_000 * size * r.logNormal(1, 0.05));
    const benevoles = Math.round(50 * size * r.logNormal(1, 0.1));
    return {
      'finances.produits': produits, 'finances.charges': produits, 'rh.masse_salariale': Math.round(produits * 0.68),
      'rh.etp.direction_accueil': Math.round(etp * 3) / 10, 'rh.etp.animation': Math.round(etp * 5) / 10, 'rh.etp.technique': Math.round(etp * 2) / 10,
      'rh.effectif.direction_accueil': Math.round(etp * 0.6), 'rh.effectif.animation': Math.round(etp * 1), 'rh.effectif.technique': Math.round(etp * 0.4),
      'participation.adherents': Math.round(300 * size * r.logNormal(1, 0.1)), 'participation.benevoles': benevoles,
      'participation.heures_benevoles': Math.round(benevoles * 55 * r.logNormal(1, 0.1)),
    };
  });
}

describe('French of the quality messages', () => {
  const stats = buildPeerStats(group(200).map((answers) => ({ groups: G, answers })));
  const base = group(200)[5];

  it('ratios agree with a plural subject: « Les produits par ETP … sont très en dessous »', () => {
    const low = checkPeers({ ...base, 'finances.produits': Math.round((base['finances.produits'] as number) / 4) }, G, stats).find((f) => f.rule === 'peer:ratio:produits_par_etp');
    expect(plain(low?.reason)).toMatch(/^Les produits par ETP \([\d ]+ € par ETP\) sont très en dessous de ce qu’on observe/);
    const hours = checkPeers({ ...base, 'participation.heures_benevoles': (base['participation.heures_benevoles'] as number) * 20 }, G, stats).find((f) => f.rule === 'peer:ratio:heures_par_benevole');
    expect(plain(hours?.reason)).toMatch(/^Les heures de bénévolat par bénévole \([\d ,]+ heures par bénévole\) dépassent de loin/);
  });

  it('singular subjects stay singular, units without « (s) »', () => {
    const f = checkPeers({ ...base, 'participation.benevoles': (base['participation.benevoles'] as number) * 12 }, G, stats).find((x) => x.rule === 'peer:ratio:benevoles_par_etp');
    expect(plain(f?.reason)).toMatch(/^Le nombre de bénévoles par ETP \([\d ,]+ bénévoles par ETP\) dépasse de loin/);
    expect(f?.reason).not.toContain('(s)');
  });

  it('a year-over-year message gives the value, last years, the expected value with its range and the gap, head counts whole', () => {
    const o = { ...defaultYearOverYearOptions, spread: { 'participation.adherents': { growth: 0.01, sigma: 0.2, weight: 0.5, n: 1000 } } };
    const [f] = checkYearOverYear(2025, { 'participation.adherents': 206 }, [{ year: 2024, answers: { 'participation.adherents': 72 } }, { year: 2023, answers: { 'participation.adherents': 47 } }], o);
    const text = plain(f.reason);
    expect(text).toMatch(/^« Adhérents » : 206 en 2025 contre 72 en 2024 et 47 en 2023 \(\+186 % en un an\)\. Son historique laissait attendre environ \d+ \(habituellement entre \d+ et \d+\) : écart de \+\d+, soit [\d,]+ fois plus\./);
    expect(text).not.toMatch(/environ \d+,\d/);
  });

  it('a broken sum names the part whose correction restores it, with the totals and the gap', () => {
    const lines = ['caf_local', 'departement', 'region', 'etat', 'emplois_aides', 'usagers'].map((s) => [`finances.financement.${s}`, 0]);
    const answers: AnswerMap = { 'finances.produits': 500_000, ...Object.fromEntries(lines), 'finances.financement.communes': 20_000_000, 'finances.financement.caf_ps': 150_000, 'finances.financement.autres': 150_000 };
    const findings = checkRules(questionnaire, answers);
    const [f] = locate(findings.filter((x) => x.rule === 'finances.financements_produits'), { year: 2025, answers, history: [], yearOverYear: defaultYearOverYearOptions, questionnaire });
    const text = plain(f.reason);
    expect(text).toContain('« Total des financements déclarés » doit être égal à « Total des produits » (à 1 % près)');
    expect(text).toContain('« Total des produits » = 500 000 €');
    expect(text).toContain('Écart : les lignes additionnées font 20 300 000 € pour 500 000 € attendus (+19 800 000 €).');
    expect(text).toContain('Réponse la plus probablement en cause (100 %) : « Financement : Communes et intercommunalités » (20 000 000 €).');
    expect(text).toContain('Valeur probable : 200 000 € (deux zéros de trop).');
    expect(f.codes[0]).toBe('finances.financement.communes');
  });

  it('swapped fields name both answers and both likely values', () => {
    const last = { 'rh.etp.animation': 7, 'rh.effectif.animation': 12 };
    const answers = { 'rh.etp.animation': 12, 'rh.effectif.animation': 7 };
    const o = { ...defaultYearOverYearOptions, spread: { 'rh.etp.animation': { growth: 0, sigma: 0.08, weight: 0, n: 500 }, 'rh.effectif.animation': { growth: 0, sigma: 0.08, weight: 0, n: 500 } } };
    const [f] = locate(checkRules(questionnaire, answers).filter((x) => x.rule === 'rh.etp_effectif.animation'), { year: 2025, answers, history: [{ year: 2024, answers: last }], yearOverYear: o, questionnaire });
    expect(plain(f.reason)).toContain('Réponses probablement inversées : « ETP : Animation » (12 ; 7 en 2024');
    expect(plain(f.reason)).toContain('Valeur probable de « ETP : Animation » : 7, et de « Salariés : Animation » : 12.');
    expect(f.suspect?.correction?.value).toBe(7);
  });

  it('a peer finding on answers that follow their own history is information only', () => {
    const odd = { ...base, 'finances.produits': Math.round((base['finances.produits'] as number) / 4) };
    const peers = checkPeers(odd, G, stats);
    const located = locate(peers, { year: 2025, answers: odd, history: [{ year: 2024, answers: odd }], yearOverYear: defaultYearOverYearOptions, questionnaire });
    expect(located.every((f) => f.level === 'info')).toBe(true);
    expect(plain(located[0].reason)).toContain('la structure était déjà ainsi l’an dernier');
  });

  it('without history, a ratio names the answer far from structures of its size, not the one in line', () => {
    const odd = { ...base, 'finances.produits': Math.round((base['finances.produits'] as number) / 1000) };
    const located = locate(checkPeers(odd, G, stats), { year: 2025, answers: odd, history: [], yearOverYear: defaultYearOverYearOptions, questionnaire, peers: stats, groups: G });
    const ratio = located.find((f) => f.rule === 'peer:ratio:produits_par_etp')!;
    expect(ratio.codes[0]).toBe('finances.produits');
    expect(ratio.suspect!.likelihood).toBeGreaterThan(0.9);
    expect(plain(ratio.reason)).toMatch(/Réponse la plus probablement en cause \(\d+ %\) : « Total des produits » \([\d ]+ €\)\./);
  });

  it('a copied section says how many answers are identical to last year', () => {
    const rh = { 'rh.effectif.animation': 8, 'rh.etp.animation': 5.2, 'rh.effectif.technique': 3, 'rh.etp.technique': 2, 'rh.masse_salariale': 250_000 };
    const [f] = checkCopiedSections(2025, rh, [{ year: 2024, answers: rh }]);
    expect(plain(f.reason)).toBe('Les 5 réponses chiffrées de la section « Ressources humaines » sont toutes identiques à celles de 2024 : la section a-t-elle été recopiée sans être mise à jour ?');
  });

  it('corrections: unit factors, swaps and typos, in French', () => {
    expect(explains(4_500_000, 45_000)).toEqual({ value: 45_000, reason: 'deux zéros de trop', kind: 'unit' });
    expect(explains(54_312, 45_312)?.reason).toBe('deux chiffres inversés (54 → 45)');
    expect(explains(48_312, 45_312)?.reason).toBe('un chiffre mal saisi (8 au lieu de 5)');
    expect(explains(45, 45_312)).toEqual({ value: 45_312, reason: 'montant saisi en milliers (k€ ?)', kind: 'unit' });
    expect(explains(41_000, 45_312)).toBeNull();
    expect(candidates(12.5, 1).some((c) => c.value === 125)).toBe(true);
    expect(candidates(12.5, 1).some((c) => c.value === 21.5)).toBe(true);
  });
});
