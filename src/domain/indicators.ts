/**
 * The core indicator codes of the national questionnaire. Codes are stable across years: wording may
 * change, a change of meaning gets a new code. The yearly SurveyJS definitions under questionnaires/
 * carry these codes in their `indicator` property; the demo generator fills answers with them.
 */
export const units = ['count', 'fte', 'euros', 'share', 'yesno', 'choice', 'text', 'date'] as const;
export type Unit = (typeof units)[number];
export const aggregates = ['sum', 'mean', 'median', 'share', 'none'] as const;
export type Aggregate = (typeof aggregates)[number];
export const sections = ['identite', 'territoire', 'projet', 'actions', 'participation', 'partenariats', 'rh', 'finances', 'theme'] as const;
export type Section = (typeof sections)[number];

export interface Indicator {
  code: string;
  section: Section;
  unit: Unit;
  aggregate: Aggregate;
  disclosure: 'count' | 'money';
  label: string;
  choices?: readonly string[];
}

const ind = (code: string, unit: Unit, label: string, choices?: readonly string[]): Indicator => {
  const section = code.split('.')[0] as Section;
  const aggregate: Aggregate = unit === 'yesno' ? 'share' : unit === 'euros' || unit === 'count' || unit === 'fte' ? 'sum'
    : unit === 'share' ? 'median' : 'none';
  return { code, section, unit, aggregate, disclosure: unit === 'euros' ? 'money' : 'count', label, ...(choices ? { choices } : {}) };
};

/** Fields of action, each asked as "yes/no" and "people reached". */
export const actionFields = [
  ['petite_enfance', 'Petite enfance (0-5 ans)'],
  ['enfance', 'Enfance (6-11 ans)'],
  ['jeunesse', 'Jeunesse (12-17 ans)'],
  ['jeunes_adultes', 'Jeunes adultes (18-25 ans)'],
  ['familles', 'Familles et parentalité'],
  ['accompagnement_scolaire', 'Accompagnement à la scolarité'],
  ['seniors', 'Seniors et bien vieillir'],
  ['acces_droits', 'Accès aux droits'],
  ['numerique', 'Inclusion numérique'],
  ['francais', 'Apprentissage du français'],
  ['sante', 'Santé et bien-être'],
  ['culture', 'Culture'],
  ['vacances', 'Vacances et loisirs'],
  ['emploi', 'Emploi et insertion'],
  ['logement', 'Logement'],
  ['isolement', 'Lutte contre l’isolement'],
  ['ecologie', 'Transition écologique'],
  ['hors_les_murs', 'Actions hors les murs'],
] as const;

export const staffFunctions = [['direction_accueil', 'Direction et accueil'], ['animation', 'Animation'], ['technique', 'Technique et entretien']] as const;
export const contractTypes = [['cdi', 'CDI'], ['cdd', 'CDD'], ['aides', 'Contrats aidés'], ['apprentis', 'Apprentis'], ['service_civique', 'Volontaires en service civique']] as const;
export const fundingSources = [
  ['communes', 'Communes et intercommunalités'],
  ['caf_ps', 'CAF – prestations de service'],
  ['caf_local', 'CAF – fonds locaux'],
  ['departement', 'Département'],
  ['region', 'Région'],
  ['etat', 'État (dont politique de la ville)'],
  ['emplois_aides', 'Aides à l’emploi'],
  ['usagers', 'Participation des usagers'],
  ['autres', 'Autres produits'],
] as const;
export const partnerTypes = [
  ['commune', 'Commune'], ['interco', 'Intercommunalité'], ['departement', 'Département'], ['caf', 'CAF'],
  ['etat', 'État'], ['ecoles', 'Établissements scolaires'], ['bailleurs', 'Bailleurs sociaux'],
  ['associations', 'Associations'], ['entreprises', 'Entreprises'],
] as const;

export const qpvStatuses = ['inside', 'nearby', 'serving', 'none'] as const;
export const npnruStages = ['none', 'contrat_de_ville', 'protocole', 'convention', 'travaux', 'acheve'] as const;
export const managementModes = ['association', 'collectivite', 'caf', 'autre'] as const;
export const territoryTypes = ['urban', 'rural'] as const;
export const territoryScales = ['quartier', 'plusieurs_quartiers', 'commune', 'plusieurs_communes', 'intercommunalite'] as const;
export const collectiveAgreements = ['alisfa', 'eclat', 'fonction_publique', 'autre'] as const;

export const coreIndicators: readonly Indicator[] = [
  ind('territoire.type', 'choice', 'Type de territoire', territoryTypes),
  ind('territoire.echelle', 'choice', 'Échelle du territoire d’intervention', territoryScales),
  ind('territoire.population', 'count', 'Population du territoire d’intervention'),
  ind('territoire.qpv', 'choice', 'Quartier prioritaire (QPV)', qpvStatuses),
  ind('territoire.npnru.stade', 'choice', 'Stade du renouvellement urbain (NPNRU)', npnruStages),
  // A year and a delay in days: summing them over structures means nothing, their median does.
  { ...ind('projet.annee', 'count', 'Année du projet social en cours'), aggregate: 'median' },
  ind('projet.participation_diagnostic', 'yesno', 'Habitants associés au diagnostic'),
  ...actionFields.flatMap(([f, label]) => [
    ind(`actions.${f}.oui`, 'yesno', `${label} : action menée`),
    ind(`actions.${f}.personnes`, 'count', `${label} : personnes touchées`),
  ]),
  ind('actions.droits.informees', 'count', 'Personnes informées sur leurs droits'),
  ind('actions.droits.accompagnees', 'count', 'Personnes accompagnées dans l’accès aux droits'),
  ind('actions.permanences', 'count', 'Permanences d’institutions accueillies'),
  ind('actions.france_services', 'yesno', 'Labellisé France services'),
  ind('participation.adherents', 'count', 'Adhérents'),
  ind('participation.ag.presents', 'count', 'Présents à l’assemblée générale'),
  ind('participation.ca.membres', 'count', 'Membres du conseil d’administration'),
  ind('participation.ca.femmes', 'count', 'Administratrices'),
  ind('participation.ca.moins_30', 'count', 'Administrateurs de moins de 30 ans'),
  ind('participation.ca.plus_60', 'count', 'Administrateurs de 60 ans et plus'),
  ind('participation.ca.habitants', 'count', 'Administrateurs habitants ou usagers'),
  ind('participation.benevoles', 'count', 'Bénévoles d’activité'),
  ind('participation.benevoles_jeunes', 'count', 'Jeunes bénévoles (12-25 ans)'),
  ind('participation.heures_benevoles', 'count', 'Heures de bénévolat dans l’année'),
  ind('participation.comites_habitants', 'count', 'Comités ou collectifs d’habitants'),
  ind('participation.associations_hebergees', 'count', 'Associations accueillies dans les locaux'),
  ...partnerTypes.map(([p, label]) => ind(`partenariats.${p}`, 'yesno', `Partenariat : ${label}`)),
  ind('partenariats.conventions_pluri', 'yesno', 'Convention de financement pluri-partenariale'),
  ...staffFunctions.flatMap(([f, label]) => [
    ind(`rh.effectif.${f}`, 'count', `Salariés : ${label}`),
    ind(`rh.etp.${f}`, 'fte', `ETP : ${label}`),
  ]),
  ...contractTypes.map(([c, label]) => ind(`rh.contrat.${c}`, 'count', `Salariés en ${label}`)),
  ind('rh.temps_partiel_part', 'share', 'Part des salariés à temps partiel'),
  ind('rh.qualif_directeur', 'yesno', 'Direction qualifiée (niveau demandé par la circulaire)'),
  ind('rh.qualif_referent', 'yesno', 'Référent famille qualifié'),
  ind('rh.convention', 'choice', 'Convention collective', collectiveAgreements),
  ind('rh.masse_salariale', 'euros', 'Masse salariale'),
  ind('finances.produits', 'euros', 'Total des produits'),
  ind('finances.charges', 'euros', 'Total des charges'),
  ...fundingSources.map(([s, label]) => ind(`finances.financement.${s}`, 'euros', `Financement : ${label}`)),
  ind('finances.fonds_propres', 'euros', 'Fonds propres'),
  ind('finances.reserves', 'euros', 'Réserves'),
  ind('finances.tresorerie', 'euros', 'Trésorerie au 31 décembre'),
  ind('finances.frais_bancaires', 'euros', 'Frais bancaires'),
  { ...ind('finances.delai_paiement_jours', 'count', 'Délai moyen de paiement des financeurs (jours)'), aggregate: 'median' },
];

const byCode = new Map(coreIndicators.map((i) => [i.code, i]));

/** The indicator of a code, if it is a core one. */
export function coreIndicator(code: string): Indicator | undefined {
  return byCode.get(code);
}
