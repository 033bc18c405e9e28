import type { AggregationRecord, StructureAttributes } from '../aggregation/record';

const base: StructureAttributes = {
  regionCode: '93', departementCode: '13', epciCode: '200054807', communeCode: '13055', communePopulation: 870_000,
  territoryType: 'urban', qpvStatus: 'none', npnruStage: 'none', management: 'association',
  approvalKinds: ['animation_globale'], kind: 'CS', federationMember: true, budget: 500_000,
};

/**
 * A crafted record for rule tests: Marseille centre social unless overridden.
 * @example rec(1, { kind: 'EVS' }, { 'finances.produits': 90_000 })
 */
export function rec(id: number, attrs: Partial<StructureAttributes>, values: AggregationRecord['values']): AggregationRecord {
  return { structureId: id, cellKey: (id * 2654435761) % 2 ** 31, attributes: { ...base, ...attrs }, values };
}
