import type { ComparedField } from './diff';

/** French names of the fields a directory update changes, for the difference shown before applying. */
export const fieldLabels: Record<ComparedField, string> = {
  siret: 'SIRET', name: 'nom', kind: 'type', address: 'adresse', postalCode: 'code postal', communeCode: 'commune',
  management: 'mode de gestion', federationMember: 'adhésion à la fédération', qpvCodes: 'codes QPV', email: 'courriel de la direction',
  approvals: 'agréments', endedOn: 'fin d’activité',
};
