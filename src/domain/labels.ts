/**
 * French words for the domain's codes (response and campaign states, kind, management, QPV, territory,
 * NPNRU, approvals), shared by the web app, exports and PDFs. Unknown codes are shown as they come rather
 * than hidden; no code at all reads « — ».
 * @example kindLabel('EVS') // 'Espace de vie sociale'
 */
export const label = (map: Record<string, string>) => (code: string | null | undefined): string => (code ? map[code] ?? code : '—');

export { responseStates } from './responseState';

export const responseStateLabel = label({
  not_started: 'Non commencée',
  in_progress: 'En cours de saisie',
  submitted: 'Transmise',
  returned: 'Renvoyée pour correction',
  validated: 'Validée',
  locked: 'Verrouillée',
});

export const campaignStateLabel = label({
  preparation: 'En préparation',
  open: 'Ouverte',
  closed: 'Close',
  published: 'Publiée',
  archived: 'Archivée',
});

export const kindLabel = label({ CS: 'Centre social', EVS: 'Espace de vie sociale' });

export const managementLabel = label({
  association: 'Association',
  collectivite: 'Collectivité locale',
  caf: 'CAF (gestion directe)',
  autre: 'Autre',
});

export const qpvLabel = label({
  inside: 'Dans un QPV',
  nearby: 'À proximité d’un QPV',
  serving: 'Accueille des habitants d’un QPV',
  none: 'Hors QPV',
});

export const territoryTypeLabel = label({ urban: 'Plutôt urbain', rural: 'Plutôt rural' });

export const npnruStageLabel = label({
  none: 'Aucun renouvellement urbain',
  contrat_de_ville: 'Contrat de ville',
  protocole: 'Protocole de préfiguration',
  convention: 'Convention pluriannuelle',
  travaux: 'Travaux en cours',
  acheve: 'Achevé',
});

export const npnruInterestLabel = label({ national: 'd’intérêt national', regional: 'd’intérêt régional' });

export const approvalLabel = label({
  animation_globale: 'Animation globale (centre social)',
  acf: 'Animation collective familles',
  animation_collective_familles: 'Animation collective familles',
  evs: 'Espace de vie sociale',
  EVS: 'Espace de vie sociale',
});

const pluralRules = new Intl.PluralRules('fr-FR');
const countFormat = new Intl.NumberFormat('fr-FR');
/**
 * The word for a count, by the French plural rules (0 and 1 are singular).
 * @example pluralWord(2, 'ligne', 'lignes') // 'lignes'
 */
export const pluralWord = (n: number, one: string, many: string): string => (pluralRules.select(n) === 'one' ? one : many);
/**
 * A count with its word, instead of "structure(s)".
 * @example plural(1234, 'structure', 'structures') // '1 234 structures' (narrow no-break space)
 */
export const plural = (n: number, one: string, many: string): string => `${countFormat.format(n)} ${pluralWord(n, one, many)}`;
