import type { Db } from './connection';

/** One structure as a point of the public map: directory identity only (name, kind, commune), never answers. */
export interface StructurePoint { id: number; name: string; kind: string; lon: number; lat: number; commune_name: string; departement_code: string }

export interface PointFilters { regionCode?: string; departementCode?: string; kind?: 'CS' | 'EVS' }

/**
 * How many structures matching the filters have no coordinates (the map says so rather than hiding them).
 * @example await countStructuresWithoutCoordinates(db, { regionCode: '01' })
 */
export async function countStructuresWithoutCoordinates(db: Db, f: PointFilters): Promise<number> {
  let q = db.selectFrom('structures').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb('structures.lon', 'is', null), eb('structures.lat', 'is', null)]));
  if (f.regionCode) q = q.where('structures.region_code', '=', f.regionCode);
  if (f.departementCode) q = q.where('structures.departement_code', '=', f.departementCode);
  if (f.kind) q = q.where('structures.kind', '=', f.kind);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Every structure with coordinates, optionally within a région or a département, for the public map.
 * @example await listStructurePoints(db, { departementCode: '69' })
 */
export async function listStructurePoints(db: Db, f: PointFilters): Promise<StructurePoint[]> {
  let q = db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['structures.id', 'structures.name', 'structures.kind', 'structures.lon', 'structures.lat', 'communes.name as commune_name', 'structures.departement_code'])
    .where('structures.lon', 'is not', null).where('structures.lat', 'is not', null);
  if (f.regionCode) q = q.where('structures.region_code', '=', f.regionCode);
  if (f.departementCode) q = q.where('structures.departement_code', '=', f.departementCode);
  if (f.kind) q = q.where('structures.kind', '=', f.kind);
  const rows = await q.orderBy('structures.id').execute();
  return rows.map((r) => ({ ...r, lon: Number(r.lon), lat: Number(r.lat) }));
}
