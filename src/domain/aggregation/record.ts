import type { managementModes, npnruStages, qpvStatuses, territoryTypes } from '../indicators';

/** Approval kinds a structure may hold (a centre social usually has two). */
export const approvalKinds = ['animation_globale', 'animation_collective_familles', 'evs'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];

/**
 * What the public directory says about a structure: the attributes filters cut on. Everything here is
 * assumed known to an attacker; only `values` and `cellKey` are secret.
 */
export interface StructureAttributes {
  regionCode: string;
  departementCode: string;
  epciCode: string | null;
  communeCode: string;
  communePopulation: number;
  territoryType: (typeof territoryTypes)[number];
  qpvStatus: (typeof qpvStatuses)[number];
  npnruStage: (typeof npnruStages)[number];
  management: (typeof managementModes)[number];
  approvalKinds: readonly ApprovalKind[];
  kind: 'CS' | 'EVS';
  federationMember: boolean;
  /** Total income of the year (finances.produits), for the budget band; null when not answered. */
  budget: number | null;
}

/** An answer as aggregation sees it. Strings (choices, text) are not aggregated by this module. */
export type IndicatorValue = number | boolean | string | null;

/**
 * One structure's answers for one campaign, with its fixed random key (structures.cell_key, uniform in
 * [0, 2^31)). The key must never leave the server: it is what makes the perturbation unpredictable.
 */
export interface AggregationRecord {
  structureId: number;
  cellKey: number;
  attributes: StructureAttributes;
  values: Readonly<Record<string, IndicatorValue>>;
}
