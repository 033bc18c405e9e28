import type { Selectable } from 'kysely';
import type { Db } from './connection';
import type { Database } from './schema';

type Region = Selectable<Database['regions']>;
type Departement = Selectable<Database['departements']>;

/**
 * Régions and départements are reference data, written only when the geography is loaded (seed, restore):
 * read once per database handle, then from memory (a dashboard, the directory and the territory pages name
 * them on every call). `forgetGeography` after writing them.
 */
const geography = new WeakMap<Db, Promise<{ regions: Region[]; departements: Departement[] }>>();

function geographyOf(db: Db) {
  let g = geography.get(db);
  if (!g) {
    g = Promise.all([
      db.selectFrom('regions').selectAll().orderBy('name').execute(),
      db.selectFrom('departements').selectAll().orderBy('code').execute(),
    ]).then(([regions, departements]) => ({ regions, departements }));
    geography.set(db, g);
    g.catch(() => { if (geography.get(db) === g) geography.delete(db); });
  }
  return g;
}

/** After the régions or départements of a database changed (geography loaded, backup restored). */
export function forgetGeography(db: Db): void {
  geography.delete(db);
}

/** The régions, by name (copies: the caller may change them). */
export const listRegions = async (db: Db): Promise<Region[]> => (await geographyOf(db)).regions.map((r) => ({ ...r }));

/** The départements, by code, of one région or all. */
export const listDepartements = async (db: Db, regionCode?: string): Promise<Departement[]> =>
  (await geographyOf(db)).departements.filter((d) => !regionCode || d.region_code === regionCode).map((d) => ({ ...d }));

export const getDepartement = async (db: Db, code: string): Promise<Departement | undefined> => {
  const d = (await geographyOf(db)).departements.find((x) => x.code === code);
  return d && { ...d };
};

export const getRegion = async (db: Db, code: string): Promise<Region | undefined> => {
  const r = (await geographyOf(db)).regions.find((x) => x.code === code);
  return r && { ...r };
};

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
