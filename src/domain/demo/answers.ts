import { actionFields, contractTypes, fundingSources, partnerTypes, staffFunctions } from '../indicators';
import { Random } from './random';
import type { DemoStructure } from './structures';
import { identityAnswers, themeAnswers } from './identity';

export type AnswerValue = number | boolean | string;
export type Answers = Record<string, AnswerValue>;

/** Data years of the demo campaign. */
export const DEMO_YEARS = [2023, 2024, 2025] as const;

/** Chance that a centre social runs each field of action (FIGURES.md: 2013 and 2016 national figures). */
const ACTION_RATE_CS: Record<string, number> = {
  petite_enfance: 0.45, enfance: 0.8, jeunesse: 0.72, jeunes_adultes: 0.42, familles: 0.95, accompagnement_scolaire: 0.66,
  seniors: 0.7, acces_droits: 0.93, numerique: 0.76, francais: 0.62, sante: 0.84, culture: 0.93, vacances: 0.82,
  emploi: 0.4, logement: 0.3, isolement: 0.84, ecologie: 0.52, hors_les_murs: 0.62,
};
/** People reached by a typical centre running that field. */
const ACTION_PEOPLE: Record<string, number> = {
  petite_enfance: 45, enfance: 110, jeunesse: 70, jeunes_adultes: 40, familles: 180, accompagnement_scolaire: 45,
  seniors: 60, acces_droits: 250, numerique: 80, francais: 35, sante: 70, culture: 200, vacances: 90,
  emploi: 30, logement: 25, isolement: 60, ecologie: 70, hors_les_murs: 150,
};
/** Funding shares for centres sociaux (2024: communes 41 %, CAF 30 %, State 7 %). */
const FUNDING_CS: Record<string, number> = {
  communes: 0.41, caf_ps: 0.22, caf_local: 0.08, departement: 0.06, region: 0.02, etat: 0.07, emplois_aides: 0.03, usagers: 0.06, autres: 0.05,
};
const FUNDING_EVS: Record<string, number> = {
  communes: 0.3, caf_ps: 0.3, caf_local: 0.12, departement: 0.06, region: 0.02, etat: 0.03, emplois_aides: 0.04, usagers: 0.08, autres: 0.05,
};

/**
 * A structure's answers for one data year. Every figure derives from the structure's latent size and a
 * per-structure stream, so years drift smoothly (about +3 % a year with noise) and sums add up exactly.
 * @example generateAnswers(structure, 2024)['finances.produits']
 */
export function generateAnswers(s: DemoStructure, year: number, seed = 2026): Answers {
  const base = new Random(seed).fork(`a${s.key}`);
  const yearIndex = year - DEMO_YEARS[0];
  // Growth is a random walk so that the same structure is recognisable from year to year.
  let growth = 1;
  const walk = base.fork('walk');
  for (let y = 0; y < yearIndex; y++) growth *= 1 + walk.normal(0.03, 0.05);
  const r = base.fork(year);
  const stable = base.fork('stable');
  const size = s.size * growth;
  const cs = s.kind === 'CS';
  const a: Answers = {};

  a['territoire.type'] = s.territory_type;
  a['territoire.echelle'] = stable.pick(s.communePopulation > 50_000 ? ['quartier', 'plusieurs_quartiers'] : s.communePopulation > 5_000 ? ['plusieurs_quartiers', 'commune'] : ['commune', 'plusieurs_communes', 'intercommunalite']);
  a['territoire.population'] = Math.round(Math.min(s.communePopulation * (a['territoire.echelle'] === 'quartier' ? 0.04 : 0.4), stable.logNormal(12_000, 0.6)) + 300);
  a['territoire.qpv'] = s.qpv_status;
  a['territoire.npnru.stade'] = s.npnru_stage;
  a['projet.annee'] = year - stable.int(0, 3);
  a['projet.participation_diagnostic'] = stable.chance(cs ? 0.85 : 0.7);

  for (const [field] of actionFields) {
    const runs = stable.chance((ACTION_RATE_CS[field] ?? 0.5) * (cs ? 1 : 0.55)) !== r.chance(0.04);
    a[`actions.${field}.oui`] = runs;
    a[`actions.${field}.personnes`] = runs ? Math.max(1, Math.round(ACTION_PEOPLE[field] * size * (cs ? 1 : 0.35) * r.logNormal(1, 0.25))) : 0;
  }
  const rights = a['actions.acces_droits.oui'] === true;
  a['actions.droits.informees'] = rights ? Math.round(270 * size * (cs ? 1 : 0.3) * r.logNormal(1, 0.3)) : 0;
  a['actions.droits.accompagnees'] = rights ? Math.round((a['actions.droits.informees'] as number) * r.next() * 0.6) : 0;
  a['actions.permanences'] = rights ? Math.round(stable.int(0, 8) * (cs ? 1 : 0.3)) : 0;
  a['actions.france_services'] = cs && rights && stable.chance(0.13);

  const members = Math.round((cs ? 320 : 90) * size * r.logNormal(1, 0.2));
  a['participation.adherents'] = members;
  a['participation.ag.presents'] = Math.min(members, Math.round(members * (0.12 + r.next() * 0.15)));
  const board = Math.max(5, Math.round((cs ? 24 : 9) * Math.sqrt(size) * stable.logNormal(1, 0.2)));
  a['participation.ca.membres'] = board;
  a['participation.ca.femmes'] = Math.round(board * (0.45 + stable.next() * 0.25));
  a['participation.ca.moins_30'] = Math.round(board * stable.next() * 0.15);
  a['participation.ca.plus_60'] = Math.min(board - (a['participation.ca.moins_30'] as number), Math.round(board * (0.2 + stable.next() * 0.3)));
  a['participation.ca.habitants'] = Math.round(board * (0.55 + stable.next() * 0.35));
  const volunteers = Math.max(3, Math.round((cs ? 55 : 18) * size * r.logNormal(1, 0.25)));
  a['participation.benevoles'] = volunteers;
  a['participation.benevoles_jeunes'] = Math.round(volunteers * stable.next() * 0.2);
  a['participation.heures_benevoles'] = Math.round(volunteers * r.logNormal(55, 0.3));
  a['participation.comites_habitants'] = stable.int(0, cs ? 4 : 2);
  a['participation.associations_hebergees'] = Math.round((cs ? 11 : 3) * size * stable.logNormal(1, 0.4));

  const partnerRate: Record<string, number> = { commune: 0.92, interco: 0.55, departement: 0.6, caf: 0.98, etat: 0.45, ecoles: 0.8, bailleurs: 0.5, associations: 0.9, entreprises: 0.25 };
  for (const [p] of partnerTypes) a[`partenariats.${p}`] = stable.chance(partnerRate[p] ?? 0.5);
  a['partenariats.conventions_pluri'] = stable.chance(cs ? 0.6 : 0.3);

  // Staff: 2016 national FTE per CS 3.1 / 6.5 / 3.4; about 1.9 employees per FTE.
  const fteMean: Record<string, number> = cs ? { direction_accueil: 3.1, animation: 6.5, technique: 3.4 } : { direction_accueil: 0.6, animation: 0.9, technique: 0.2 };
  let headcount = 0;
  let fteTotal = 0;
  for (const [f] of staffFunctions) {
    const fte = Math.max(0, Math.round(fteMean[f] * size * r.logNormal(1, 0.2) * 10) / 10);
    const people = fte === 0 ? 0 : Math.max(Math.ceil(fte), Math.round(fte * stable.logNormal(1.9, 0.15)));
    a[`rh.etp.${f}`] = fte;
    a[`rh.effectif.${f}`] = people;
    headcount += people;
    fteTotal += fte;
  }
  const contractShare: Record<string, number> = { cdi: 0.62, cdd: 0.26, aides: 0.08, apprentis: 0.04 };
  let assigned = 0;
  for (const [c] of contractTypes) {
    if (c === 'service_civique') { a['rh.contrat.service_civique'] = Math.round(stable.next() * 3 * Math.sqrt(size)); continue; }
    const n = c === 'cdi' ? 0 : Math.min(headcount - assigned, Math.round(headcount * contractShare[c] * r.logNormal(1, 0.2)));
    a[`rh.contrat.${c}`] = n;
    assigned += n;
  }
  a['rh.contrat.cdi'] = headcount - assigned;
  a['rh.temps_partiel_part'] = headcount === 0 ? 0 : Math.round(Math.min(100, Math.max(0, (1 - fteTotal / headcount) * 100 * (0.9 + r.next() * 0.3))));
  a['rh.qualif_directeur'] = stable.chance(0.72);
  a['rh.qualif_referent'] = stable.chance(0.68);
  a['rh.convention'] = s.management === 'collectivite' ? 'fonction_publique' : s.management === 'caf' ? 'autre' : stable.chance(0.85) ? 'alisfa' : 'eclat';

  // Finances: about 640 k€ for a typical CS in 2013, +2 %/year since; EVS about 90 k€.
  const income = Math.round((cs ? 760_000 : 90_000) * size * r.logNormal(1, 0.08));
  const shares = cs ? FUNDING_CS : FUNDING_EVS;
  const raw = fundingSources.map(([src]) => [src, shares[src] * stable.logNormal(1, 0.35) * r.logNormal(1, 0.06)] as const);
  const rawTotal = raw.reduce((t, [, v]) => t + v, 0);
  let funded = 0;
  raw.forEach(([src, v], i) => {
    const euros = i === raw.length - 1 ? income - funded : Math.round((income * v) / rawTotal);
    a[`finances.financement.${src}`] = euros;
    funded += euros;
  });
  a['finances.produits'] = income;
  const expenses = Math.round(income * (1 + r.normal(0.005, 0.025)));
  a['finances.charges'] = expenses;
  a['rh.masse_salariale'] = Math.round(expenses * (0.62 + stable.next() * 0.12));
  a['finances.fonds_propres'] = Math.round(income * stable.logNormal(0.25, 0.5));
  a['finances.reserves'] = Math.round((a['finances.fonds_propres'] as number) * (0.3 + stable.next() * 0.5));
  a['finances.tresorerie'] = Math.round((expenses / 365) * Math.max(5, r.logNormal(60, 0.5)));
  a['finances.frais_bancaires'] = Math.round(income * r.logNormal(0.0015, 0.4));
  a['finances.delai_paiement_jours'] = Math.round(stable.logNormal(60, 0.4) * r.logNormal(1, 0.15));
  a['participation.ca.institutions'] = Math.round((board - (a['participation.ca.habitants'] as number)) * stable.next());
  a['finances.resultat'] = income - expenses;
  return { ...identityAnswers(s, year, seed), ...a, ...themeAnswers(s, year, a, seed) };
}
