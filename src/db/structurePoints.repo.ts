import type { Db } from './connection';
import { filteredStructures, type StructureFilters } from './structure.repo';

/** One structure as a point of the public map: directory identity only (name, kind, commune), never answers. */
export interface StructurePoint { id: number; name: string; kind: string; lon: number; lat: number; commune_name: string; departement_code: string }

export type PointFilters = Pick<StructureFilters, 'regionCode' | 'departementCode' | 'kind'>;

/**
 * How many structures matching the filters have no coordinates (the map says so rather than hiding them).
 * @example await countStructuresWithoutCoordinates(db, { regionCode: '01' })
 */
export async function countStructuresWithoutCoordinates(db: Db, f: PointFilters): Promise<number> {
  const row = await filteredStructures(db, f).select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('structures.lon', 'is', null), eb('structures.lat', 'is', null)])).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every structure with coordinates, optionally within a région or a département, for the public map.
 * @example await listStructurePoints(db, { departementCode: '69' })
 */
export async function listStructurePoints(db: Db, f: PointFilters): Promise<StructurePoint[]> {
  const rows = await filteredStructures(db, f)
    .select(['structures.id', 'structures.name', 'structures.kind', 'structures.lon', 'structures.lat', 'communes.name as commune_name', 'structures.departement_code'])
    .where('structures.lon', 'is not', null).where('structures.lat', 'is not', null).orderBy('structures.id').execute();
  return rows.map((r) => ({ ...r, lon: Number(r.lon), lat: Number(r.lat) }));
}
