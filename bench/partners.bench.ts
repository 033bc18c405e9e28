import { readGeography } from '../src/seed/geography';
import { generateStructures } from '../src/domain/demo/structures';
import { generateAnswers } from '../src/domain/demo/answers';
import { Random } from '../src/domain/demo/random';
import type { AggregationRecord } from '../src/domain/aggregation/record';
import { preparePopulation, publish } from '../src/domain/disclosure';
import { essIndicators, withEssValues } from '../src/domain/ess/aggregate';
import { cashAggregateIndicators, withCashValues } from '../src/domain/cash/indicators';
import { partnerKindCodes, type Partner } from '../src/domain/partners/partner';
import { searchPartners, type SharingStructure } from '../src/domain/partners/search';
import { partnerNetwork } from '../src/domain/partners/network';
import { actionFields } from '../src/domain/indicators';
import { medianMs, round, type Figures } from './lib';

/**
 * ESS, cash and partner figures in memory, on the national demo population (~4,070 structures, 2024 answers):
 * the derived ESS and cash values of every record published as one fixed table through the gate (what
 * GET /api/stats/ess and /api/stats/cash compute once per population), and a partner search and a
 * département network over ~6 partners per structure, 40 % of structures sharing.
 */
export async function run(): Promise<Figures> {
  const structures = generateStructures(readGeography().communes, 1);
  const records: AggregationRecord[] = structures.map((s, i) => {
    const values = generateAnswers(s, 2024);
    return {
      structureId: i + 1, cellKey: s.cell_key, values,
      attributes: {
        regionCode: s.region_code, departementCode: s.departement_code, epciCode: null, communeCode: s.commune_code,
        communePopulation: s.communePopulation, territoryType: s.territory_type, qpvStatus: s.qpv_status, npnruStage: s.npnru_stage,
        management: s.management, approvalKinds: s.approvals.map((a) => a.kind), kind: s.kind, federationMember: s.federation_member,
        budget: typeof values['finances.produits'] === 'number' ? values['finances.produits'] : null,
      },
    };
  });
  const levels = ['nation', 'region', 'departement'] as const;
  const essMs = await medianMs(5, () => publish(preparePopulation(withEssValues(records)), { kind: 'fixed_table', indicators: essIndicators, levels }));
  const cashMs = await medianMs(5, () => publish(preparePopulation(withCashValues(records)), { kind: 'fixed_table', indicators: cashAggregateIndicators, levels }));

  const r = new Random(7);
  const sharing: SharingStructure[] = [];
  const partners: Partner[] = [];
  structures.forEach((s, i) => {
    if (!r.chance(0.4)) return;
    sharing.push({ id: i + 1, name: s.name, kind: s.kind, commune: s.commune_code, departementCode: s.departement_code, lat: s.lat, lon: s.lon });
    for (let k = 0; k < 6; k++) {
      const kind = r.pick(partnerKindCodes);
      partners.push({ id: partners.length + 1, structureId: i + 1, kind, name: `${kind} ${s.departement_code} ${r.int(1, 5)}`, siret: null, themes: [r.pick(actionFields)[0], r.pick(actionFields)[0]] });
    }
  });
  const lyon = sharing.find((s) => s.departementCode === '69' && s.lat !== null)!;
  let hits = 0;
  const searchMs = await medianMs(9, () => {
    hits = searchPartners(sharing, partners, { kind: 'bailleurs', theme: 'logement', origin: { id: lyon.id, lat: lyon.lat!, lon: lyon.lon! }, km: 50 }).length;
  });
  const d69 = sharing.filter((s) => s.departementCode === '69');
  const ids = new Set(d69.map((s) => s.id));
  let nodes = 0;
  const networkMs = await medianMs(9, () => { nodes = partnerNetwork(d69, partners.filter((p) => ids.has(p.structureId))).nodes.length; });
  return {
    ess_territory_table_ms: { value: round(essMs), unit: `ms (${records.length} structures, ${essIndicators.length} indicateurs × nation/régions/départements)` },
    cash_territory_table_ms: { value: round(cashMs), unit: `ms (${cashAggregateIndicators.length} indicateurs)` },
    partner_search_ms: { value: round(searchMs, 2), unit: `ms (${partners.length} partenaires partagés, ${hits} structures trouvées à 50 km)` },
    partner_network_ms: { value: round(networkMs, 2), unit: `ms (Rhône, ${nodes} nœuds)` },
  };
}
