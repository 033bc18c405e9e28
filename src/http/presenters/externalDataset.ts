import type { listExternalDatasets } from '../../app/external/listExternalDatasets';

type ListedDataset = Awaited<ReturnType<typeof listExternalDatasets>>[number];

/**
 * An external data set in the list: its name, year, origin, last import (ISO) and its rows' counts.
 * @example presentExternalDataset(dataset) // { id: 1, name: 'caf', year: 2024, source: 'CNAF', licence: 'Licence Ouverte', updatedAt: '2025-03-01T…', rows: 2300, matched: 2250, proposals: 12 }
 */
export function presentExternalDataset(d: ListedDataset) {
  return {
    id: d.id, name: d.name, year: d.year, source: d.source, licence: d.licence, updatedAt: d.updated_at.toISOString(),
    rows: d.rows, matched: d.matched, proposals: d.proposals,
  };
}
