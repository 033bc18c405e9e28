import type { Db } from '../../db/connection';
import { listDepartements, listRegions } from '../../db/territory.repo';

/**
 * The régions of France, or its départements (of one région when `regionCode` is given), by name (COG).
 * @example await listTerritories({ db, level: 'departement', regionCode: '84' }) // [{ code: '01', name: 'Ain', … }, …]
 */
export async function listTerritories(p: { db: Db; level: 'region' } | { db: Db; level: 'departement'; regionCode?: string }) {
  return p.level === 'region' ? listRegions(p.db) : listDepartements(p.db, p.regionCode);
}
