/**
 * The key indicators of the public dashboard (about 40): participation, reach of the main fields of
 * action, staff and money. One list, so the page, the API and the benchmark show the same table.
 */
export const dashboardIndicators = [
  'territoire.population', 'projet.participation_diagnostic',
  'actions.petite_enfance.oui', 'actions.enfance.oui', 'actions.jeunesse.oui', 'actions.familles.oui', 'actions.familles.personnes',
  'actions.accompagnement_scolaire.oui', 'actions.seniors.oui', 'actions.acces_droits.oui', 'actions.acces_droits.personnes',
  'actions.numerique.oui', 'actions.francais.oui', 'actions.culture.oui', 'actions.isolement.oui', 'actions.france_services',
  'participation.adherents', 'participation.ag.presents', 'participation.ca.membres', 'participation.ca.femmes',
  'participation.ca.habitants', 'participation.benevoles', 'participation.benevoles_jeunes', 'participation.heures_benevoles',
  'partenariats.commune', 'partenariats.caf', 'partenariats.conventions_pluri',
  'rh.etp.direction_accueil', 'rh.etp.animation', 'rh.etp.technique', 'rh.temps_partiel_part', 'rh.qualif_directeur', 'rh.qualif_referent',
  'rh.masse_salariale', 'finances.produits', 'finances.charges', 'finances.financement.communes', 'finances.financement.caf_ps',
  'finances.financement.etat', 'finances.delai_paiement_jours',
] as const;
