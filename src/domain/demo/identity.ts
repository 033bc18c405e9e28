import type { Answers } from './answers';
import { Random } from './random';
import type { DemoStructure } from './structures';

const AXES = [
  'Favoriser le lien social et lutter contre l’isolement', 'Soutenir les parents dans leur rôle éducatif',
  'Accompagner l’accès aux droits et au numérique', 'Développer le pouvoir d’agir des habitants',
  'Accompagner les jeunes vers l’autonomie', 'Agir pour la transition écologique du quartier',
  'Favoriser la réussite éducative', 'Bien vieillir dans son quartier', 'Ouvrir la culture à tous',
];
const CONCERNS = ['Isolement des personnes âgées', 'Précarité des familles monoparentales', 'Manque de lieux pour les jeunes',
  'Fracture numérique', 'Mobilité en milieu rural', 'Renouvellement urbain et relogement', 'Accès aux soins'];

/**
 * The identity, territory, project and yearly-theme answers of a demo structure: taken from its
 * directory entry where the questionnaire repeats it, otherwise drawn once per structure (stable).
 * @example identityAnswers(structure, 2025)['identite.type'] // 'cs'
 */
export function identityAnswers(s: DemoStructure, year: number, seed = 2026): Answers {
  const r = new Random(seed).fork(`id${s.key}`);
  const cs = s.kind === 'CS';
  const a: Answers = {
    'identite.nom': s.name,
    'identite.siret': s.siret,
    'identite.adresse': s.address,
    'identite.courriel': s.email,
    'identite.type': cs ? 'cs' : 'evs',
    'identite.date_premier_agrement': s.first_approval_on,
    'identite.gestion': s.management,
    'identite.federation': s.federation_member,
    'identite.gens_du_voyage': s.travellers,
    'identite.multi_sites': s.multi_site,
    'identite.itinerant': s.itinerant,
  };
  if (s.postal_code) a['identite.code_postal'] = s.postal_code;
  if (s.website) a['identite.site_web'] = s.website;
  for (const ap of s.approvals) {
    if (ap.kind === 'animation_globale') { a['identite.agrement.animation_globale'] = true; a['identite.agrement.animation_globale_fin'] = ap.ends_on; }
    if (ap.kind === 'animation_collective_familles') { a['identite.agrement.acf'] = true; a['identite.agrement.acf_fin'] = ap.ends_on; }
    if (ap.kind === 'evs') a['identite.agrement.evs_fin'] = ap.ends_on;
  }
  if (cs && a['identite.agrement.acf'] === undefined) a['identite.agrement.acf'] = false;
  if (s.qpv_status !== 'none') {
    a[year <= 2023 ? 'territoire.qpv.codes' : 'territoire.qpv.codes_2024'] = s.qpv_codes.join(', ');
    a['territoire.npnru.interet'] = s.npnru_interest ?? 'aucun';
    if (s.npnru_stage !== 'none') {
      a['territoire.npnru.role.maison_projet'] = r.chance(0.3);
      a['territoire.npnru.role.relogement'] = r.chance(0.4);
      a['territoire.npnru.role.ateliers'] = r.chance(0.6);
    }
  }
  const axes = [...AXES].sort(() => r.next() - 0.5).slice(0, r.int(2, 5));
  axes.forEach((axe, i) => { a[`projet.axe.${i + 1}`] = axe; });
  a['projet.preoccupation_territoire'] = r.pick(CONCERNS);
  a['projet.preoccupation_centre'] = r.pick(['Stabiliser les financements', 'Renouveler les bénévoles', 'Recruter et fidéliser les animateurs', 'Adapter les locaux']);
  return a;
}

/**
 * The theme block of a demo year, consistent with the core answers it relates to.
 * @example themeAnswers(structure, 2025, core)['theme.2025.eaje'] // false unless early childhood is run
 */
export function themeAnswers(s: DemoStructure, year: number, core: Answers, seed = 2026): Answers {
  const r = new Random(seed).fork(`theme${s.key}-${year}`);
  const cs = s.kind === 'CS';
  if (year === 2023) {
    const actions = r.int(0, cs ? 20 : 6);
    return {
      'theme.2023.plan_action': r.chance(0.4), 'theme.2023.referent': r.chance(0.35), 'theme.2023.actions_sensibilisation': actions,
      'theme.2023.personnes_sensibilisees': actions === 0 ? 0 : r.int(10, cs ? 600 : 120), 'theme.2023.jardin_partage': r.chance(0.45), 'theme.2023.mobilite': r.chance(0.3),
      'theme.2023.part_circuits_courts': r.int(0, 60), 'theme.2023.bilan_carbone': r.chance(0.08), 'theme.2023.energie_depenses': r.int(2_000, cs ? 60_000 : 8_000),
    };
  }
  if (year === 2024) {
    const bp = r.chance(0.2);
    const deciding = r.int(0, cs ? 150 : 40);
    return {
      'theme.2024.instances_habitants': r.int(0, 6), 'theme.2024.habitants_decisions': deciding, 'theme.2024.jeunes_instances': Math.round(deciding * r.next() * 0.3),
      'theme.2024.budget_participatif': bp, ...(bp ? { 'theme.2024.budget_participatif_montant': r.int(1_000, 30_000) } : {}),
      'theme.2024.formation_benevoles': r.int(0, 40), 'theme.2024.part_projets_habitants': r.int(5, 70), 'theme.2024.citoyennete': r.chance(0.55),
    };
  }
  const eaje = cs && core['actions.petite_enfance.oui'] === true && r.chance(0.5);
  const staff = ['direction_accueil', 'animation', 'technique'].reduce((t, f) => t + Number(core[`rh.effectif.${f}`] ?? 0), 0);
  const laep = r.chance(cs ? 0.35 : 0.15);
  return {
    'theme.2025.eaje': eaje, ...(eaje ? { 'theme.2025.eaje_places': r.int(10, 60) } : {}),
    'theme.2025.enfants_accueillis': r.int(0, cs ? 200 : 40), 'theme.2025.laep': laep, ...(laep ? { 'theme.2025.laep_familles': r.int(5, 120) } : {}),
    'theme.2025.relais_petite_enfance': r.chance(0.2), 'theme.2025.part_familles_qpv': r.int(0, 90), 'theme.2025.professionnels': Math.min(staff, r.int(0, cs ? 15 : 3)),
  };
}
