import { readGeography } from '../src/seed/geography';
import { generateStructures } from '../src/domain/demo/structures';
import { generateAnswers } from '../src/domain/demo/answers';
import { coreIndicators } from '../src/domain/indicators';
import type { AggregationRecord } from '../src/domain/aggregation/record';
import { isAggregatable } from '../src/domain/aggregation/contributions';
import { preparePopulation, publish } from '../src/domain/disclosure';
import { medianMs, round, type Figures } from './lib';

/**
 * Compare figures, in memory: the national demo population (~4,070 structures, 2024 answers) through the
 * disclosure gate. A dashboard = 40 indicators × (nation + régions + départements) as one fixed table per
 * indicator (primary + secondary suppression). The database path and DuckDB comparison come later.
 */
export async function run(): Promise<Figures> {
  const structures = generateStructures(readGeography().communes, 1);
  const records: AggregationRecord[] = structures.map((s, i) => {
    const values = generateAnswers(s, 2024);
    return {
      structureId: i + 1, cellKey: s.cell_key,
      attributes: {
        regionCode: s.region_code, departementCode: s.departement_code, epciCode: null, communeCode: s.commune_code,
        communePopulation: s.communePopulation, territoryType: s.territory_type, qpvStatus: s.qpv_status, npnruStage: s.npnru_stage,
        management: s.management, approvalKinds: s.approvals.map((a) => a.kind), kind: s.kind, federationMember: s.federation_member,
        budget: typeof values['finances.produits'] === 'number' ? values['finances.produits'] : null,
      },
      values,
    };
  });
  const indicators = coreIndicators.filter(isAggregatable).slice(0, 40).map((i) => i.code);
  let figures = 0, suppressed = 0, cells = 0;
  const dashboardMs = await medianMs(7, () => {
    const population = preparePopulation(records);
    const { figures: out } = publish(population, { kind: 'fixed_table', indicators, levels: ['nation', 'region', 'departement'] });
    figures = out.length;
    const byCell = new Map<string, boolean>();
    for (const f of out) byCell.set(`${f.indicator}|${f.territory.level}:${f.territory.code}`, (byCell.get(`${f.indicator}|${f.territory.level}:${f.territory.code}`) ?? false) || (f.cell.state === 'suppressed' && f.stat !== 'median' && f.stat !== 'q1' && f.stat !== 'q3'));
    cells = byCell.size;
    suppressed = [...byCell.values()].filter(Boolean).length;
  });
  const population = preparePopulation(records);
  // The same dashboard broken down by town size band: the small cells where suppression actually bites.
  const banded = publish(population, { kind: 'fixed_table', indicators, levels: ['nation', 'region', 'departement'], column: 'town_size' });
  const bandedSums = banded.figures.filter((f) => f.stat === 'count' && f.cell.state !== 'no_data');
  const bandedSuppressed = bandedSums.filter((f) => f.cell.state === 'suppressed').length;
  const queryMs = await medianMs(7, () => publish(population, {
    kind: 'flexible_query', indicators: indicators.slice(0, 10), level: 'departement',
    filters: [{ dimension: 'town_size', value: '10k_50k' }, { dimension: 'kind', value: 'CS' }],
  }));
  return {
    dashboard_records: { value: records.length, unit: 'structures' },
    dashboard_cells: { value: cells, unit: 'cells' },
    dashboard_figures: { value: figures, unit: 'figures' },
    dashboard_inmemory_ms: { value: round(dashboardMs), unit: 'ms' },
    suppressed_cells_pct: { value: round((100 * suppressed) / cells), unit: '%' },
    suppressed_cells_pct_by_town_size: { value: round((100 * bandedSuppressed) / bandedSums.length), unit: '%' },
    flexible_query_10ind_101dep_ms: { value: round(queryMs), unit: 'ms' },
  };
}
