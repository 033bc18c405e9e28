import { sql } from 'kysely';
import type { Db } from './connection';
import type { PopulationMode } from './aggregation.repo';
import { publishedStates } from '../domain/workflow';

const workingStates = ['in_progress', 'submitted', 'returned', 'validated', 'locked'] as const;

/**
 * One structure's answers of one campaign year, every kind (text included), with the response state and
 * the directory's management mode; undefined when it has no response that year.
 * @example await structureYearAnswers(db, 12, 2024) // { state: 'validated', management: 'association', values: {…} }
 */
export async function structureYearAnswers(db: Db, structureId: number, year: number) {
  const { rows } = await sql<{ id: number; state: string; management: string; vals: Record<string, unknown> | null }>`
    select r.id, r.state, s.management, (select jsonb_object_agg(a.code, a.value) from answers a where a.response_id = r.id) as vals
    from responses r join campaigns k on k.id = r.campaign_id join structures s on s.id = r.structure_id
    where r.structure_id = ${structureId} and k.year = ${year}`.execute(db);
  const r = rows[0];
  return r && { responseId: r.id, state: r.state, management: r.management, values: r.vals ?? {} };
}

/**
 * A few text answers of every response of a campaign in a mode, by structure (aggregation records keep
 * numbers and yes/no only).
 * @example await textAnswersOf(db, 2024, 'published', ['rh.convention'])
 */
export async function textAnswersOf(db: Db, year: number, mode: PopulationMode, codes: readonly string[]): Promise<Map<number, Record<string, string>>> {
  const states: readonly string[] = mode === 'published' ? publishedStates : workingStates;
  const { rows } = await sql<{ structure_id: number; code: string; value: unknown }>`
    select r.structure_id, a.code, a.value from answers a join responses r on r.id = a.response_id join campaigns k on k.id = r.campaign_id
    where k.year = ${year} and r.state in (${sql.join([...states])}) and a.code in (${sql.join([...codes])}) and jsonb_typeof(a.value) = 'string'`.execute(db);
  const out = new Map<number, Record<string, string>>();
  for (const r of rows) {
    const m = out.get(r.structure_id) ?? {};
    m[r.code] = String(r.value);
    out.set(r.structure_id, m);
  }
  return out;
}

/** Campaign years a structure answered (any state) with the response's state, oldest first. */
export async function responseYears(db: Db, structureId: number): Promise<{ year: number; state: string }[]> {
  const { rows } = await sql<{ year: number; state: string }>`select k.year, r.state from responses r join campaigns k on k.id = r.campaign_id where r.structure_id = ${structureId} order by k.year`.execute(db);
  return rows;
}
