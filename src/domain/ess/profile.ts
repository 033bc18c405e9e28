import { actionFields } from '../indicators';

/**
 * The ESS profile of one structure for one year, from its questionnaire answers only. Law no. 2014-856 of
 * 31 July 2014 (art. 1) sets three conditions; the CSESS guide of good practice (2016) lists eight themes an
 * ESS enterprise reports on at its general assembly. The questionnaire asks nothing directly about either:
 * each criterion says which answers it reads, and is `unknown` with the reason when they are missing or not
 * asked. Nothing is invented: no answer, no verdict.
 */
export const essStates = ['met', 'not_met', 'unknown'] as const;
export type EssState = (typeof essStates)[number];

export interface EssItem {
  key: string;
  label: string;
  state: EssState;
  /** Plain French: why this state. */
  reason: string;
  /** Facts taken from the answers that back the state (or inform it). */
  evidence: string[];
  /** Answer codes read. */
  codes: string[];
}

export interface EssFacts {
  adherents: number | null;
  agDate: string | null;
  agPresents: number | null;
  /** Presents at the general assembly per member, in %. */
  agAttendance: number | null;
  board: number | null;
  boardWomen: number | null;
  boardWomenShare: number | null;
  boardUnder30: number | null;
  boardOver60: number | null;
  boardInhabitants: number | null;
  boardInhabitantsShare: number | null;
  boardInstitutions: number | null;
  boardInstitutionsShare: number | null;
  /** Board members neither inhabitants nor institutions (membres − habitants − institutions), when both are known. */
  boardOthers: number | null;
  volunteers: number | null;
  volunteerHours: number | null;
  ownFunds: number | null;
  reserves: number | null;
  result: number | null;
}

export interface EssProfile {
  management: string | null;
  /** Overall reading: ESS by status (association), outside the law's field (public management), or unknown. */
  status: 'ess_by_status' | 'outside' | 'unknown';
  statusReason: string;
  facts: EssFacts;
  criteria: EssItem[];
  goodPractice: EssItem[];
  summary: { met: number; notMet: number; unknown: number };
  /** What the questionnaire does not ask and a CRESS usually wants. */
  notAsked: string[];
}

export type Answers = Readonly<Record<string, unknown>>;

const num = (a: Answers, code: string): number | null => {
  const v = a[code];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const bool = (a: Answers, code: string): boolean | null => (typeof a[code] === 'boolean' ? (a[code] as boolean) : null);
const str = (a: Answers, code: string): string | null => (typeof a[code] === 'string' && (a[code] as string).trim() ? (a[code] as string).trim() : null);
const pct = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole <= 0 ? null : Math.round((part / whole) * 1000) / 10;
const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
/** French number with normal spaces (PDF and CSV readers choke less on them than on narrow no-break ones). */
export const frNumber = (x: number) => fr.format(x).replace(/[\u202f\u00a0]/g, ' ');
export const frEuros = (x: number) => `${euros.format(x).replace(/[\u202f\u00a0]/g, ' ')} €`;

/** Each sex holds at least this share of the board: the threshold of the law of 27 January 2011 for boards. */
export const PARITY_MIN_SHARE = 40;

/**
 * Facts read from the answers (no judgement).
 * @example essFacts({ 'participation.adherents': 200, 'participation.ag.presents': 40 }).agAttendance // 20
 */
export function essFacts(a: Answers): EssFacts {
  const board = num(a, 'participation.ca.membres');
  const inhabitants = num(a, 'participation.ca.habitants');
  const institutions = num(a, 'participation.ca.institutions');
  const women = num(a, 'participation.ca.femmes');
  const produits = num(a, 'finances.produits'), charges = num(a, 'finances.charges');
  return {
    adherents: num(a, 'participation.adherents'),
    agDate: str(a, 'participation.ag.date'),
    agPresents: num(a, 'participation.ag.presents'),
    agAttendance: pct(num(a, 'participation.ag.presents'), num(a, 'participation.adherents')),
    board, boardWomen: women, boardWomenShare: pct(women, board),
    boardUnder30: num(a, 'participation.ca.moins_30'), boardOver60: num(a, 'participation.ca.plus_60'),
    boardInhabitants: inhabitants, boardInhabitantsShare: pct(inhabitants, board),
    boardInstitutions: institutions, boardInstitutionsShare: pct(institutions, board),
    boardOthers: board !== null && inhabitants !== null && institutions !== null ? Math.max(0, board - inhabitants - institutions) : null,
    volunteers: num(a, 'participation.benevoles'), volunteerHours: num(a, 'participation.heures_benevoles'),
    ownFunds: num(a, 'finances.fonds_propres'), reserves: num(a, 'finances.reserves'),
    result: num(a, 'finances.resultat') ?? (produits !== null && charges !== null ? produits - charges : null),
  };
}

const item = (key: string, label: string, codes: string[], state: EssState, reason: string, evidence: string[] = []): EssItem =>
  ({ key, label, state, reason, evidence, codes });

/**
 * The three conditions of the 2014 law. Associations meet the first and third by their status (loi 1901:
 * no sharing of profits, reserves cannot be distributed); structures run by a local authority or a CAF are
 * public bodies, outside the law's field (it covers private legal persons).
 */
function lawCriteria(management: string | null, f: EssFacts): EssItem[] {
  const assoc = management === 'association';
  const publicBody = management === 'collectivite' || management === 'caf';
  const byStatus = (key: string, label: string, codes: string[], what: string, evidence: string[] = []) => item(key, label, ['identite.gestion', ...codes],
    assoc ? 'met' : publicBody ? 'not_met' : 'unknown',
    assoc ? `Association : ${what} par son statut (loi du 1er juillet 1901).`
      : publicBody ? 'Gestion publique (collectivité ou CAF) : hors du champ de la loi ESS, qui vise les personnes morales de droit privé.'
      : management === null ? 'Le mode de gestion n’est pas renseigné.' : 'Mode de gestion « autre » : le statut juridique n’est pas demandé, le critère ne peut être établi.',
    evidence);
  const reservesEvidence = [
    ...(f.reserves !== null ? [`Réserves déclarées : ${frEuros(f.reserves)}`] : []),
    ...(f.ownFunds !== null ? [`Fonds propres : ${frEuros(f.ownFunds)}`] : []),
    ...(f.result !== null ? [`Résultat de l’exercice : ${frEuros(f.result)}`] : []),
  ];
  // Democratic governance: members, a general assembly actually held, an elected board.
  const gov = (() => {
    const codes = ['participation.adherents', 'participation.ag.presents', 'participation.ag.date', 'participation.ca.membres'];
    const ev = [
      ...(f.adherents !== null ? [`${frNumber(f.adherents)} adhérents`] : []),
      ...(f.agPresents !== null ? [`${frNumber(f.agPresents)} présents à l’assemblée générale${f.agAttendance !== null ? ` (${frNumber(f.agAttendance)} % des adhérents)` : ''}`] : []),
      ...(f.agDate ? [`Dernière assemblée générale : ${f.agDate}`] : []),
      ...(f.board !== null ? [`${frNumber(f.board)} membres au conseil d’administration`] : []),
    ];
    const label = 'Gouvernance démocratique (information et participation des membres)';
    if (publicBody) return item('gouvernance_democratique', label, codes, 'not_met', 'Gestion publique : pas d’assemblée de membres ni de conseil élu au sens de la loi ESS.', ev);
    const missing = [f.adherents === null && 'le nombre d’adhérents', f.agPresents === null && !f.agDate && 'l’assemblée générale', f.board === null && 'le conseil d’administration'].filter(Boolean);
    if (f.adherents === 0 || f.board === 0 || (f.agPresents === 0 && !f.agDate)) {
      return item('gouvernance_democratique', label, codes, 'not_met',
        f.adherents === 0 ? 'Aucun adhérent déclaré.' : f.board === 0 ? 'Aucun membre au conseil d’administration.' : 'Aucun présent à l’assemblée générale et aucune date d’assemblée.', ev);
    }
    if (missing.length) return item('gouvernance_democratique', label, codes, 'unknown', `Réponse manquante : ${missing.join(', ')}.`, ev);
    return item('gouvernance_democratique', label, codes, 'met', 'Des adhérents, une assemblée générale tenue et un conseil d’administration élu.', ev);
  })();
  return [
    byStatus('but_non_lucratif', 'But poursuivi autre que le seul partage des bénéfices', [], 'but non lucratif'),
    gov,
    byStatus('reserves_impartageables', 'Bénéfices consacrés à l’activité, réserves impartageables', ['finances.reserves', 'finances.fonds_propres', 'finances.resultat'],
      'excédents réinvestis et réserves impartageables', reservesEvidence),
  ];
}

/** The eight themes of the CSESS guide of good practice (2016), as far as the answers document them. */
function goodPractice(a: Answers, f: EssFacts): EssItem[] {
  const out: EssItem[] = [];
  // 1. Democratic governance in practice.
  {
    const ev = [
      ...(f.agAttendance !== null ? [`Taux de présence à l’AG : ${frNumber(f.agAttendance)} %`] : []),
      ...(f.boardInhabitantsShare !== null ? [`Habitants ou usagers au CA : ${frNumber(f.boardInhabitantsShare)} %`] : []),
      ...(f.boardInstitutionsShare !== null ? [`Représentants d’institutions au CA : ${frNumber(f.boardInstitutionsShare)} %`] : []),
      ...(num(a, 'participation.comites_habitants') !== null ? [`${frNumber(num(a, 'participation.comites_habitants')!)} comités d’habitants`] : []),
    ];
    const label = 'Modalités effectives de gouvernance démocratique';
    const codes = ['participation.ag.presents', 'participation.adherents', 'participation.ca.habitants', 'participation.ca.membres', 'participation.comites_habitants'];
    out.push(f.agPresents === null || f.board === null ? item('gouvernance', label, codes, 'unknown', 'Assemblée générale ou conseil d’administration non renseignés.', ev)
      : f.agPresents > 0 && f.board > 0 && (f.boardInhabitants ?? 0) > 0 ? item('gouvernance', label, codes, 'met', 'Assemblée générale tenue et habitants ou usagers élus au conseil d’administration.', ev)
      : item('gouvernance', label, codes, 'not_met', f.agPresents === 0 ? 'Aucun présent déclaré à l’assemblée générale.' : 'Aucun habitant ni usager au conseil d’administration.', ev));
  }
  // 2. Consultation on the strategy.
  {
    const v = bool(a, 'projet.participation_diagnostic');
    out.push(item('concertation_strategie', 'Concertation dans l’élaboration de la stratégie', ['projet.participation_diagnostic'],
      v === null ? 'unknown' : v ? 'met' : 'not_met',
      v === null ? 'La participation des habitants au diagnostic du projet social n’est pas renseignée.'
        : v ? 'Les habitants ont été associés au diagnostic du projet social.' : 'Les habitants n’ont pas été associés au diagnostic du projet social.'));
  }
  // 3. Territorial anchoring.
  {
    const c = bool(a, 'partenariats.commune'), i = bool(a, 'partenariats.interco');
    const codes = ['partenariats.commune', 'partenariats.interco'];
    out.push(c === null && i === null ? item('territorialisation', 'Territorialisation de l’activité et des emplois', codes, 'unknown', 'Les partenariats avec la commune et l’intercommunalité ne sont pas renseignés.')
      : c || i ? item('territorialisation', 'Territorialisation de l’activité et des emplois', codes, 'met', 'Partenariat déclaré avec la commune ou l’intercommunalité ; la localisation des emplois n’est pas demandée.')
      : item('territorialisation', 'Territorialisation de l’activité et des emplois', codes, 'not_met', 'Aucun partenariat avec la commune ni l’intercommunalité.'));
  }
  // 4. Pay policy, training, job quality.
  {
    const conv = str(a, 'rh.convention');
    const staff = ['cdi', 'cdd', 'aides', 'apprentis'].map((k) => num(a, `rh.contrat.${k}`));
    const total = staff.every((x) => x !== null) ? (staff as number[]).reduce((s, x) => s + x, 0) : null;
    const ev = [
      ...(total !== null && total > 0 ? [`CDI : ${frNumber(pct(staff[0], total)!)} % des salariés`] : []),
      ...(num(a, 'rh.temps_partiel_part') !== null ? [`Temps partiel : ${frNumber(num(a, 'rh.temps_partiel_part')!)} % des salariés`] : []),
    ];
    const label = 'Politique salariale, formation, qualité des emplois';
    const codes = ['rh.convention', 'rh.contrat.cdi', 'rh.temps_partiel_part'];
    out.push(conv === null ? item('politique_salariale', label, codes, 'unknown', 'La convention collective n’est pas renseignée ; la formation n’est pas demandée.', ev)
      : item('politique_salariale', label, codes, 'met', `Convention collective appliquée (${({ alisfa: 'ALISFA', eclat: 'ÉCLAT', fonction_publique: 'fonction publique', autre: 'autre' } as Record<string, string>)[conv] ?? conv}) ; la formation n’est pas demandée.`, ev));
  }
  // 5. Link with users and unmet needs.
  {
    const fields = actionFields.map(([k]) => bool(a, `actions.${k}.oui`));
    const n = fields.filter((x) => x === true).length;
    const known = fields.some((x) => x !== null);
    out.push(item('lien_usagers', 'Lien avec les usagers et réponse aux besoins non couverts', ['participation.ca.habitants', ...actionFields.map(([k]) => `actions.${k}.oui`)],
      !known || f.boardInhabitants === null ? 'unknown' : n > 0 && f.boardInhabitants > 0 ? 'met' : 'not_met',
      !known || f.boardInhabitants === null ? 'Actions menées ou habitants au conseil d’administration non renseignés.'
        : n > 0 && f.boardInhabitants > 0 ? `Usagers élus au conseil d’administration et ${n} champs d’action menés.` : 'Aucun usager au conseil ou aucune action déclarée.',
      known ? [`${n} champs d’action sur ${actionFields.length}`] : []));
  }
  // 6. Diversity and equality between women and men, including in the board.
  {
    const share = f.boardWomenShare;
    const ev = [
      ...(share !== null ? [`Femmes au CA : ${frNumber(share)} %`] : []),
      ...(f.boardUnder30 !== null && f.board ? [`Moins de 30 ans au CA : ${frNumber(pct(f.boardUnder30, f.board)!)} %`] : []),
    ];
    const label = 'Diversité et égalité femmes-hommes, notamment dans les instances élues';
    const codes = ['participation.ca.femmes', 'participation.ca.membres', 'participation.ca.moins_30'];
    out.push(share === null ? item('egalite_femmes_hommes', label, codes, 'unknown', 'La composition du conseil d’administration par sexe n’est pas renseignée.', ev)
      : share >= PARITY_MIN_SHARE && share <= 100 - PARITY_MIN_SHARE ? item('egalite_femmes_hommes', label, codes, 'met', `Chaque sexe occupe au moins ${PARITY_MIN_SHARE} % des sièges du conseil ; la politique de diversité n’est pas demandée.`, ev)
      : item('egalite_femmes_hommes', label, codes, 'not_met', `Un sexe occupe moins de ${PARITY_MIN_SHARE} % des sièges du conseil d’administration.`, ev));
  }
  // 7. Sustainable development.
  {
    const v = bool(a, 'actions.ecologie.oui');
    out.push(item('developpement_durable', 'Situation en matière de développement durable', ['actions.ecologie.oui'],
      v ? 'met' : 'unknown',
      v ? 'Des actions de transition écologique sont menées.' : v === false
        ? 'Aucune action de transition écologique déclarée ; la politique environnementale de la structure n’est pas demandée.'
        : 'Les actions de transition écologique ne sont pas renseignées.'));
  }
  // 8. Ethics.
  out.push(item('ethique', 'Éthique et déontologie', [], 'unknown', 'Le questionnaire ne pose aucune question sur l’éthique et la déontologie.'));
  return out;
}

/** What a CRESS asks and the questionnaire does not. */
export const essNotAsked = [
  'Statut juridique précis et numéro RNA (seul le mode de gestion est demandé)',
  'Rapport sur le guide des bonnes pratiques présenté en assemblée générale',
  'Écart de rémunération et politique salariale',
  'Formation professionnelle des salariés',
  'Renouvellement du conseil d’administration',
];

/**
 * The profile of one structure from its answers and management mode (a directory attribute).
 * @example essProfile('association', answers).status // 'ess_by_status'
 */
export function essProfile(management: string | null, answers: Answers): EssProfile {
  const facts = essFacts(answers);
  const criteria = lawCriteria(management, facts);
  const gp = goodPractice(answers, facts);
  const all = [...criteria, ...gp];
  const status = management === 'association' ? 'ess_by_status' : management === 'collectivite' || management === 'caf' ? 'outside' : 'unknown';
  return {
    management, status,
    statusReason: status === 'ess_by_status' ? 'Association : actrice de l’économie sociale et solidaire par son statut (loi du 31 juillet 2014, art. 1).'
      : status === 'outside' ? 'Structure en gestion publique (collectivité ou CAF) : hors du champ de la loi ESS.'
      : 'Le mode de gestion ne permet pas d’établir l’appartenance à l’ESS.',
    facts, criteria, goodPractice: gp,
    summary: { met: all.filter((i) => i.state === 'met').length, notMet: all.filter((i) => i.state === 'not_met').length, unknown: all.filter((i) => i.state === 'unknown').length },
    notAsked: essNotAsked,
  };
}

/** Text answers the profile reads (aggregation records hold numbers and yes/no only). */
export const essTextCodes = ['rh.convention', 'participation.ag.date'] as const;
