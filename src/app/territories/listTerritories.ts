import type { Db } from '../../db/connection';
import { listDepartements, listRegions } from '../../db/territory.repo';

type Regions = Awaited<ReturnType<typeof listRegions>>;
type Departements = Awaited<ReturnType<typeof listDepartements>>;

/**
 * The régions of France, or its départements (of one région when `regionCode` is given), by name (COG).
 * @example await listTerritories({ db, level: 'departement', regionCode: '84' }) // [{ code: '01', name: 'Ain', … }, …]
 */
export async function listTerritories(p: { db: Db; level: 'region' }): Promise<Regions>;
export async function listTerritories(p: { db: Db; level: 'departement'; regionCode?: string }): Promise<Departements>;
export async function listTerritories(p: { db: Db; level: 'region' } | { db: Db; level: 'departement'; regionCode?: string }) {
  return p.level === 'region' ? listRegions(p.db) : listDepartements(p.db, p.regionCode);
}
