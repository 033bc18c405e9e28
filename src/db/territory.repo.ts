import type { Db } from './connection';

export const listRegions = (db: Db) => db.selectFrom('regions').selectAll().orderBy('name').execute();

export const listDepartements = (db: Db, regionCode?: string) => {
  let q = db.selectFrom('departements').selectAll().orderBy('code');
  if (regionCode) q = q.where('region_code', '=', regionCode);
  return q.execute();
};

export const getDepartement = (db: Db, code: string) => db.selectFrom('departements').selectAll().where('code', '=', code).executeTakeFirst();
export const getRegion = (db: Db, code: string) => db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();

/** Communes by name prefix or code, largest first. */
export async function searchCommunes(db: Db, f: { q?: string; departementCode?: string }, limit: number) {
  let q = db.selectFrom('communes').select(['code', 'name', 'departement_code', 'postal_code', 'population', 'epci_code'])
    .orderBy('population', 'desc').limit(limit);
  if (f.q) {
    const like = `${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('code', 'like', like), eb('postal_code', 'like', like)]));
  }
  if (f.departementCode) q = q.where('departement_code', '=', f.departementCode);
  return q.execute();
}
