import type { Db } from './connection';
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

/** How many responses of a campaign are in each state, in a territory; structures without a response count as not started. */
export async function campaignProgress(db: Db, campaignId: number, scope: TerritoryScope) {
  let q = db.selectFrom('structures')
    .leftJoin('responses', (j) => j.onRef('responses.structure_id', '=', 'structures.id').on('responses.campaign_id', '=', campaignId))
    .select((eb) => [eb.fn.coalesce('responses.state', eb.val('not_started')).as('state'), eb.fn.countAll<number>().as('n')])
    .groupBy('responses.state');
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  const rows = await q.execute();
  const byState: Record<string, number> = {};
  for (const r of rows) byState[String(r.state)] = (byState[String(r.state)] ?? 0) + Number(r.n);
  const expected = Object.values(byState).reduce((a, b) => a + b, 0);
  return { expected, byState };
}

/** Responses of a territory for one campaign, for the correspondents' follow-up list. */
export async function listTerritoryResponses(db: Db, campaignId: number, scope: TerritoryScope, page: { offset: number; limit: number; state?: ResponseState }) {
  let q = db.selectFrom('structures')
    .leftJoin('responses', (j) => j.onRef('responses.structure_id', '=', 'structures.id').on('responses.campaign_id', '=', campaignId));
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  if (page.state === 'not_started') q = q.where((eb) => eb.or([eb('responses.state', 'is', null), eb('responses.state', '=', 'not_started')]));
  else if (page.state) q = q.where('responses.state', '=', page.state);
  const [items, total] = await Promise.all([
    q.select(['structures.id as structure_id', 'structures.name', 'structures.kind', 'structures.departement_code', 'responses.id as response_id', 'responses.updated_at'])
      .select((eb) => eb.fn.coalesce('responses.state', eb.val('not_started')).as('state'))
      .orderBy('structures.name').orderBy('structures.id').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
