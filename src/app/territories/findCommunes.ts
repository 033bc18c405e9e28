import type { Db } from '../../db/connection';
import { searchCommunes } from '../../db/territory.repo';

/**
 * Communes matching a name or postal code, optionally in one département, most populated first.
 * @example await findCommunes({ db, q: 'lyon', limit: 20 }) // [{ code: '69123', name: 'Lyon', … }, …]
 */
export async function findCommunes(p: { db: Db; q?: string; departementCode?: string; limit: number }) {
  return searchCommunes(p.db, { q: p.q, departementCode: p.departementCode }, p.limit);
}
