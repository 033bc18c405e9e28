/**
 * What the operator of a Senacs instance must state in its legal notice and privacy notice (LCEN art. 6,
 * RGPD art. 13). Unset fields are shown as "to be filled in by the operator", with the variable to set.
 */
export interface LegalSettings {
  /** The publisher: the body running the service (name and legal form). */
  publisher?: string;
  publisherAddress?: string;
  /** The person responsible for what is published (directeur·rice de la publication). */
  publicationDirector?: string;
  /** The hosting provider: name, address and telephone. */
  host?: string;
  /** Where to write about the service (an e-mail address or a web form). */
  contact?: string;
  /** The data protection officer (délégué·e à la protection des données): how to reach them. */
  dpoContact?: string;
  /** The legal basis of the processing (RGPD art. 6), as the operator's DPO words it. */
  legalBasis?: string;
  /** The result of an RGAA audit, if one was made ("partiellement conforme, 82 % des critères, audit du …"). */
  accessibilityAudit?: string;
}

/** Environment variable of each setting. */
export const legalVariables: Record<keyof LegalSettings, string> = {
  publisher: 'LEGAL_PUBLISHER',
  publisherAddress: 'LEGAL_PUBLISHER_ADDRESS',
  publicationDirector: 'LEGAL_PUBLICATION_DIRECTOR',
  host: 'LEGAL_HOST',
  contact: 'LEGAL_CONTACT',
  dpoContact: 'LEGAL_DPO_CONTACT',
  legalBasis: 'LEGAL_BASIS',
  accessibilityAudit: 'ACCESSIBILITY_AUDIT',
};
