/**
 * A complete, consistent response of a centre social for each demo year, and its quality context:
 * the baseline from which tests (and the benchmark) make one rule fire at a time.
 */
import { actionFields, contractTypes, partnerTypes } from '../indicators';
import type { QualityContext } from './types';

/**
 * Every answerable question of `year`, answered so that no rule fires.
 *
 * @example validateResponse(catalog, completeAnswers(2024), baseContext()).errors // []
 */
export function completeAnswers(year: number): Record<string, unknown> {
  const a: Record<string, unknown> = {
    'identite.nom': 'Centre social des Tilleuls', 'identite.siret': '73282932000074', 'identite.adresse': '12 rue des Tilleuls',
    'identite.code_postal': '69004', 'identite.commune': 'Lyon', 'identite.courriel': 'contact@tilleuls.fr', 'identite.site_web': 'https://tilleuls.fr',
    'identite.type': 'cs', 'identite.date_premier_agrement': '1998-03-01', 'identite.agrement.animation_globale': true,
    'identite.agrement.animation_globale_fin': '2027-12-31', 'identite.agrement.acf': true, 'identite.agrement.acf_fin': '2027-12-31',
    'identite.gestion': 'association', 'identite.federation': true, 'identite.gens_du_voyage': false, 'identite.multi_sites': false, 'identite.itinerant': false,
    'territoire.type': 'urban', 'territoire.echelle': 'quartier', 'territoire.population': 12000, 'territoire.communes': 'Lyon 4e',
    'territoire.qpv': 'inside', [year === 2023 ? 'territoire.qpv.codes' : 'territoire.qpv.codes_2024']: year === 2023 ? 'QP069001' : 'QN06901M',
    'territoire.npnru.interet': 'national', 'territoire.npnru.stade': 'convention', 'territoire.npnru.role.maison_projet': true,
    'territoire.npnru.role.relogement': false, 'territoire.npnru.role.ateliers': true,
    'projet.axe.1': 'Soutenir les familles', 'projet.axe.2': 'Agir avec les jeunes', 'projet.axe.3': 'Rompre l’isolement',
    'projet.preoccupation_territoire': 'Précarité des familles monoparentales', 'projet.preoccupation_centre': 'Renouveler les bénévoles',
    'projet.annee': year - 1, 'projet.participation_diagnostic': true, 'projet.participation_modalites': 'Questionnaires et réunions de quartier',
    'actions.droits.informees': 600, 'actions.droits.accompagnees': 250, 'actions.permanences': 12, 'actions.france_services': false,
    'participation.adherents': 400, 'participation.ag.date': `${year}-06-15`, 'participation.ag.presents': 80,
    'participation.ca.membres': 20, 'participation.ca.femmes': 11, 'participation.ca.moins_30': 3, 'participation.ca.plus_60': 8,
    'participation.ca.habitants': 14, 'participation.ca.institutions': 4, 'participation.benevoles': 55, 'participation.benevoles_jeunes': 8,
    'participation.heures_benevoles': 6000, 'participation.comites_habitants': 2, 'participation.associations_hebergees': 11,
    'partenariats.conventions_pluri': true, 'partenariats.reseaux': 'Anime la coordination enfance-jeunesse',
    'rh.effectif.direction_accueil': 5, 'rh.effectif.animation': 15, 'rh.effectif.technique': 6,
    'rh.etp.direction_accueil': 3.5, 'rh.etp.animation': 8, 'rh.etp.technique': 3.5,
    'rh.temps_partiel_part': 40, 'rh.qualif_directeur': true, 'rh.qualif_referent': true, 'rh.convention': 'alisfa', 'rh.masse_salariale': 480000,
    'finances.produits': 700000, 'finances.charges': 690000, 'finances.resultat': 10000,
    'finances.financement.communes': 287000, 'finances.financement.caf_ps': 154000, 'finances.financement.caf_local': 56000,
    'finances.financement.departement': 42000, 'finances.financement.region': 14000, 'finances.financement.etat': 49000,
    'finances.financement.emplois_aides': 21000, 'finances.financement.usagers': 42000, 'finances.financement.autres': 35000,
    'finances.fonds_propres': 150000, 'finances.reserves': 80000, 'finances.tresorerie': 120000, 'finances.frais_bancaires': 800,
    'finances.delai_paiement_jours': 60,
  };
  for (const [field] of actionFields) Object.assign(a, { [`actions.${field}.oui`]: true, [`actions.${field}.personnes`]: 50 });
  for (const [partner] of partnerTypes) a[`partenariats.${partner}`] = true;
  const contracts: Record<string, number> = { cdi: 18, cdd: 5, aides: 2, apprentis: 1, service_civique: 2 };
  for (const [contract] of contractTypes) a[`rh.contrat.${contract}`] = contracts[contract];
  return { ...a, ...themeAnswers[year] };
}

const themeAnswers: Record<number, Record<string, unknown>> = {
  2023: {
    'theme.2023.plan_action': true, 'theme.2023.referent': true, 'theme.2023.actions_sensibilisation': 6, 'theme.2023.personnes_sensibilisees': 150,
    'theme.2023.jardin_partage': true, 'theme.2023.mobilite': false, 'theme.2023.part_circuits_courts': 20, 'theme.2023.bilan_carbone': false,
    'theme.2023.energie_depenses': 25000,
  },
  2024: {
    'theme.2024.instances_habitants': 3, 'theme.2024.habitants_decisions': 40, 'theme.2024.jeunes_instances': 6, 'theme.2024.budget_participatif': true,
    'theme.2024.budget_participatif_montant': 5000, 'theme.2024.formation_benevoles': 12, 'theme.2024.part_projets_habitants': 30, 'theme.2024.citoyennete': true,
  },
  2025: {
    'theme.2025.eaje': true, 'theme.2025.eaje_places': 20, 'theme.2025.enfants_accueillis': 45, 'theme.2025.laep': true, 'theme.2025.laep_familles': 30,
    'theme.2025.relais_petite_enfance': false, 'theme.2025.part_familles_qpv': 60, 'theme.2025.professionnels': 6,
  },
};

/** Previous year, peers and ELISFA values consistent with {@link completeAnswers}. @example baseContext().external?.elisfa */
export function baseContext(): QualityContext {
  return {
    previous: { 'finances.produits': 680000 },
    peers: { 'finances.produits': { median: 600000, q1: 300000, q3: 900000 }, 'participation.benevoles': { median: 40, q1: 20, q3: 70 } },
    external: { elisfa: { etp_total: 15 } },
  };
}
