import type { Membership, Role } from './types';
import { label } from '../../domain/labels';

/** French words for the API's English codes; the domain's own vocabulary is in src/domain/labels.ts. */
export { responseStates, responseStateLabel, campaignStateLabel, kindLabel, managementLabel, qpvLabel, territoryTypeLabel, npnruStageLabel, npnruInterestLabel, approvalLabel } from '../../domain/labels';

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

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('fr-FR');

/** "12 mars 2024"; dates are calendar days, so UTC keeps them from shifting a day. */
export const formatDate = (iso: string | null | undefined): string => (iso ? dateFormat.format(new Date(iso)) : '—');
export const formatNumber = (n: number): string => numberFormat.format(n);
export const yesNo = (b: boolean): string => (b ? 'Oui' : 'Non');

/** "1 structure", "2 structures", "1 234 structures", instead of "structure(s)": shared with the server's messages. */
export { plural, pluralWord } from '../../domain/labels';
