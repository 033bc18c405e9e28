import { sql } from 'kysely';
import type { Db } from './connection';

/** A structure as the public directory shows it in a plaquette's list: identity only, never answers. */
export interface DirectoryEntry {
  id: number; name: string; kind: 'CS' | 'EVS'; communeName: string; postalCode: string | null;
  departementCode: string; regionCode: string;
}

/**
 * Every structure of the public directory, by département then name (one query for a whole batch of plaquettes).
 * @example (await directoryEntries(db)).filter((s) => s.departementCode === '69')
 */
export async function directoryEntries(db: Db): Promise<DirectoryEntry[]> {
  const rows = await db.selectFrom('structures').innerJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['structures.id', 'structures.name', 'structures.kind', 'communes.name as commune_name', 'structures.postal_code',
      'structures.departement_code', 'structures.region_code'])
    .orderBy('structures.departement_code').orderBy(sql`lower(structures.name)`).orderBy('structures.id').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: r.kind as 'CS' | 'EVS', communeName: r.commune_name, postalCode: r.postal_code,
    departementCode: r.departement_code, regionCode: r.region_code,
  }));
}
