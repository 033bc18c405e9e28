import { sql } from 'kysely';
import type { Db } from './connection';
import { shortLived } from './shortLived';
import type { StructurePlace } from '../domain/roles';

export interface StructureFilters {
  q?: string;
  regionCode?: string;
  departementCode?: string;
  communeCode?: string;
  kind?: 'CS' | 'EVS';
  management?: string;
  qpvStatus?: string;
  territoryType?: string;
}

/** Public directory columns: identity only, never answers. */
const publicColumns = [
  'structures.id', 'structures.kind', 'structures.name', 'structures.siret', 'structures.address', 'structures.postal_code',
  'structures.commune_code', 'structures.departement_code', 'structures.region_code', 'structures.lat', 'structures.lon',
  'structures.email', 'structures.website', 'structures.management', 'structures.federation_member', 'structures.territory_type',
  'structures.qpv_status', 'structures.npnru_stage', 'structures.npnru_interest', 'structures.travellers', 'structures.multi_site',
  'structures.itinerant', 'structures.first_approval_on',
] as const;

/** Structures (with their commune) matching the directory's filters: the base of every directory-like list. */
export function filteredStructures(db: Db, f: StructureFilters) {
  let q = db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([
      eb('structures.name', 'ilike', like), eb('communes.name', 'ilike', like), eb('structures.postal_code', 'like', like),
    ]));
  }
  if (f.regionCode) q = q.where('structures.region_code', '=', f.regionCode);
  if (f.departementCode) q = q.where('structures.departement_code', '=', f.departementCode);
  if (f.communeCode) q = q.where('structures.commune_code', '=', f.communeCode);
  if (f.kind) q = q.where('structures.kind', '=', f.kind);
  if (f.management) q = q.where('structures.management', '=', f.management);
  if (f.qpvStatus) q = q.where('structures.qpv_status', '=', f.qpvStatus);
  if (f.territoryType) q = q.where('structures.territory_type', '=', f.territoryType);
  return q;
}

/** One page of the public directory and the total matching. */
export async function listStructures(db: Db, f: StructureFilters, page: { offset: number; limit: number }) {
  // The page and the number of matches in one statement; only a page past the end asks the count apart.
  const rows = await filteredStructures(db, f).select([...publicColumns, 'communes.name as commune_name', sql<string>`count(*) over ()`.as('matches')])
    .orderBy(sql`lower(structures.name)`).orderBy('structures.id').offset(page.offset).limit(page.limit).execute();
  const total = rows.length > 0 ? Number(rows[0].matches)
    : page.offset === 0 ? 0 : Number((await filteredStructures(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: rows.map(({ matches: _, ...item }) => item), total };
}

/**
 * The public directory as its visitors page through it: the same département's page is asked again and
 * again while a campaign closes, so a page is kept a second per process (shortLived). A change of the
 * directory (applyDirectoryDiff) is seen at once by the process that made it, within a second elsewhere.
 */
const directoryPages = shortLived<Awaited<ReturnType<typeof listStructures>>>(1000);

/** A page of the public directory (see listStructures), read at most once a second per filter and page. */
export function directoryPage(db: Db, f: StructureFilters, page: { offset: number; limit: number }) {
  const key = JSON.stringify([Object.entries(f).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)), page.offset, page.limit]);
  return directoryPages.read(db, key, () => listStructures(db, f, page));
}

/** After structures were added or changed. */
export const forgetDirectoryPages = (): void => directoryPages.forget();

export async function getStructure(db: Db, id: number) {
  const s = await db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .innerJoin('departements', 'departements.code', 'structures.departement_code')
    .select([...publicColumns, 'communes.name as commune_name', 'communes.population as commune_population', 'departements.name as departement_name'])
    .where('structures.id', '=', id).executeTakeFirst();
  if (!s) return undefined;
  const approvals = await db.selectFrom('approvals').select(['kind', 'starts_on', 'ends_on']).where('structure_id', '=', id).orderBy('starts_on').execute();
  return { ...s, approvals };
}

export async function getStructurePlace(db: Db, id: number): Promise<StructurePlace | undefined> {
  const r = await db.selectFrom('structures').select(['id', 'departement_code', 'region_code']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, departementCode: r.departement_code, regionCode: r.region_code };
}

export async function countStructures(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from structures`.execute(db);
  return r.rows[0].n;
}
