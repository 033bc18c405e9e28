import type { Db } from '../../db/connection';
import { countStructuresWithoutCoordinates, listStructurePoints, type PointFilters } from '../../db/structurePoints.repo';

/**
 * The structures placed on the public map (directory data only) and how many of those filtered have no coordinates.
 * @example await getStructureMap({ db, filters: { departementCode: '69' } }) // { items: [{ id: 1, name: '…', lon: 4.8, lat: 45.7, … }], withoutCoordinates: 2 }
 */
export async function getStructureMap(p: { db: Db; filters: PointFilters }) {
  const [items, withoutCoordinates] = await Promise.all([listStructurePoints(p.db, p.filters), countStructuresWithoutCoordinates(p.db, p.filters)]);
  return { items, withoutCoordinates };
}
