import type { Db } from '../../db/connection';
import { listDatasets } from '../../db/external.repo';

/**
 * The external data sets with their counts of rows, matched structures and open proposals (as numbers).
 * The caller has checked the actor may read external data.
 * @example await listExternalDatasets({ db }) // [{ id: 1, name: 'caf', year: 2024, rows: 4100, matched: 3900, proposals: 12, … }]
 */
export async function listExternalDatasets(p: { db: Db }) {
  const datasets = await listDatasets(p.db);
  return datasets.map((d) => ({ ...d, rows: Number(d.rows), matched: Number(d.matched), proposals: Number(d.proposals) }));
}
