import { sql } from 'kysely';
import type { Db } from './connection';
import type { TerritoryScope } from './campaign.repo';

/**
 * Validated (or locked) responses of a territory for one campaign year, each with its numeric answers, for
 * the list of structures in cash difficulty shown to those who follow the territory.
 */
export async function validatedAnswersOfTerritory(db: Db, year: number, scope: TerritoryScope) {
  const where = scope.level === 'region' ? sql`s.region_code = ${scope.code}` : scope.level === 'departement' ? sql`s.departement_code = ${scope.code}` : sql`true`;
  const { rows } = await sql<{ structure_id: number; name: string; departement_code: string; response_id: number; vals: Record<string, number | boolean> | null }>`
    select s.id as structure_id, s.name, s.departement_code, r.id as response_id,
      (select jsonb_object_agg(x.code, x.value) from answers x where x.response_id = r.id and jsonb_typeof(x.value) in ('number', 'boolean')) as vals
    from responses r join campaigns k on k.id = r.campaign_id join structures s on s.id = r.structure_id
    where k.year = ${year} and r.state in ('validated', 'locked') and ${where}
    order by s.name, s.id`.execute(db);
  return rows.map((r) => ({ ...r, vals: r.vals ?? {} }));
}
