import type { Membership, Role } from './types';

/** French words for the API's English codes. Unknown codes are shown as they come rather than hidden. */
const label = (map: Record<string, string>) => (code: string | null | undefined): string => (code ? map[code] ?? code : '—');

export const roleLabel = label({
  contributor: 'Contributeur·rice',
  board_member: 'Membre du CA',
  director: 'Direction',
  correspondent: 'Correspondant·e',
  regional_coordinator: 'Coordination régionale',
  national_admin: 'Administration nationale',
} satisfies Record<Role, string>);

/** Correspondents are mandated by the CAF or by the federation: that is how they are known locally. */
export function membershipLabel(m: Membership): string {
  if (m.role === 'correspondent') {
    if (m.organisation === 'caf') return 'Correspondant·e CAF';
    if (m.organisation === 'federation') return 'Correspondant·e fédération';
    return 'Correspondant·e CAF/fédération';
  }
  return roleLabel(m.role);
}

export const responseStates = ['not_started', 'in_progress', 'submitted', 'returned', 'validated', 'locked'] as const;

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

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('fr-FR');

/** "12 mars 2024"; dates are calendar days, so UTC keeps them from shifting a day. */
export const formatDate = (iso: string | null | undefined): string => (iso ? dateFormat.format(new Date(iso)) : '—');
export const formatNumber = (n: number): string => numberFormat.format(n);
export const yesNo = (b: boolean): string => (b ? 'Oui' : 'Non');

/** "1 structure", "2 structures"; French treats 0 and 1 as singular. */
export const plural = (n: number, one: string, many: string): string => `${formatNumber(n)} ${n > 1 ? many : one}`;
