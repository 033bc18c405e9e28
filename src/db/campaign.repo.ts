import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from './connection';
import type { Database } from './schema';
import type { ResponseState } from '../domain/responseState';

export const listCampaigns = (db: Db) =>
  db.selectFrom('campaigns').select(['id', 'year', 'state', 'opens_on', 'closes_on', 'questionnaire_id', 'deadlines']).orderBy('year', 'desc').execute();

export const getCampaignByYear = (db: Db, year: number) =>
  db.selectFrom('campaigns').select(['id', 'year', 'state', 'opens_on', 'closes_on', 'questionnaire_id', 'deadlines']).where('year', '=', year).executeTakeFirst();

/** Replaces the later deadlines per territory of a campaign ({ "departement:69": "2026-07-31" }). */
export async function setCampaignDeadlines(db: Db, campaignId: number, deadlines: Record<string, string>) {
  await db.updateTable('campaigns').set({ deadlines: JSON.stringify(deadlines) }).where('id', '=', campaignId).execute();
}

/** Responses of one structure, newest campaign first. */
export const listStructureResponses = (db: Db, structureId: number) =>
  db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select(['responses.id', 'campaigns.year', 'responses.state', 'responses.submitted_at', 'responses.validated_at', 'responses.updated_at',
      (eb) => eb.selectFrom('answers').whereRef('answers.response_id', '=', 'responses.id').select(eb.fn.countAll<number>().as('n')).as('answer_count')])
    .where('responses.structure_id', '=', structureId).orderBy('campaigns.year', 'desc').execute();

export type TerritoryScope = { level: 'nation' } | { level: 'region' | 'departement'; code: string };

/**
 * A structure is awaited by a campaign unless it ended (approvals over, taken over) before the campaign's
 * data year began and has no response to it: its history stays, it is just no longer expected.
 */
function stillAwaited(campaignId: number) {
  return (eb: ExpressionBuilder<Database, 'structures' | 'responses'>) => eb.or([
    eb('structures.ended_on', 'is', null), eb('responses.id', 'is not', null),
    eb('structures.ended_on', '>=', sql<Date>`(select make_date(c.year, 1, 1) from campaigns c where c.id = ${campaignId})`),
  ]);
}

/** How many responses of a campaign are in each state, in a territory; structures without a response count as not started. */
export async function campaignProgress(db: Db, campaignId: number, scope: TerritoryScope) {
  let q = db.selectFrom('structures')
    .leftJoin('responses', (j) => j.onRef('responses.structure_id', '=', 'structures.id').on('responses.campaign_id', '=', campaignId))
    .select((eb) => [eb.fn.coalesce('responses.state', eb.val('not_started')).as('state'), eb.fn.countAll<number>().as('n')])
    .where(stillAwaited(campaignId))
    .groupBy('responses.state');
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  const rows = await q.execute();
  const byState: Record<string, number> = {};
  for (const r of rows) byState[String(r.state)] = (byState[String(r.state)] ?? 0) + Number(r.n);
  const expected = Object.values(byState).reduce((a, b) => a + b, 0);
  return { expected, byState };
}

/** How the follow-up list may be sorted; every order ends on the structure's name then id, so pages are stable. */
export const followUpSorts = ['name', 'state', 'score', 'queries', 'updated'] as const;
export type FollowUpSort = (typeof followUpSorts)[number];

export interface FollowUpFilter {
  offset: number; limit: number; state?: ResponseState;
  /** Only responses whose quality score is below this value (those without a score are left out). */
  scoreBelow?: number;
  /** 'with': only responses with a query not closed yet; 'without': none. */
  openQueries?: 'with' | 'without';
  sort?: FollowUpSort; dir?: 'asc' | 'desc';
}

/** Responses of a territory for one campaign, for the correspondents' follow-up list, with each one's quality score and open queries. */
export async function listTerritoryResponses(db: Db, campaignId: number, scope: TerritoryScope, page: FollowUpFilter) {
  const openQueries = (eb: ExpressionBuilder<Database, 'structures' | 'responses'>) => eb.selectFrom('queries')
    .whereRef('queries.response_id', '=', 'responses.id').where('queries.state', '!=', 'closed').select(eb.fn.countAll<number>().as('n'));
  let q = db.selectFrom('structures')
    .leftJoin('responses', (j) => j.onRef('responses.structure_id', '=', 'structures.id').on('responses.campaign_id', '=', campaignId))
    .where(stillAwaited(campaignId));
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  if (page.state === 'not_started') q = q.where((eb) => eb.or([eb('responses.state', 'is', null), eb('responses.state', '=', 'not_started')]));
  else if (page.state) q = q.where('responses.state', '=', page.state);
  if (page.scoreBelow !== undefined) q = q.where('responses.quality_score', '<', page.scoreBelow);
  if (page.openQueries === 'with') q = q.where((eb) => eb.exists(eb.selectFrom('queries').whereRef('queries.response_id', '=', 'responses.id').where('queries.state', '!=', 'closed').select('queries.id')));
  if (page.openQueries === 'without') q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('queries').whereRef('queries.response_id', '=', 'responses.id').where('queries.state', '!=', 'closed').select('queries.id'))));
  const dir = page.dir ?? (page.sort === 'score' || page.sort === 'name' || !page.sort ? 'asc' : 'desc');
  const nulls = sql.raw(dir === 'asc' ? 'asc nulls last' : 'desc nulls last');
  const order = {
    name: sql`structures.name`,
    state: sql`coalesce(responses.state, 'not_started')`,
    score: sql`responses.quality_score`,
    queries: sql`open_queries`,
    updated: sql`responses.updated_at`,
  }[page.sort ?? 'name'];
  const [items, total] = await Promise.all([
    q.select(['structures.id as structure_id', 'structures.name', 'structures.kind', 'structures.departement_code', 'responses.id as response_id', 'responses.updated_at', 'responses.quality_score'])
      .select((eb) => [eb.fn.coalesce('responses.state', eb.val('not_started')).as('state'), openQueries(eb).as('open_queries')])
      .orderBy(sql`${order} ${nulls}`)
      .orderBy('structures.name').orderBy('structures.id').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((i) => ({ ...i, open_queries: Number(i.open_queries ?? 0) })), total: Number(total.n) };
}
