import type { Db } from '../../db/connection';
import { directoryPage, type StructureFilters } from '../../db/structure.repo';

/**
 * The public directory of structures: a page of those matching the filters, by name, and their total
 * (a page asked again within a second is not read again: see directoryPage).
 * @example await searchStructures({ db, filters: { departementCode: '69' }, page: { offset: 0, limit: 50 } }) // { items: […], total: 120 }
 */
export async function searchStructures(p: { db: Db; filters: StructureFilters; page: { offset: number; limit: number } }) {
  return directoryPage(p.db, p.filters, p.page);
}
