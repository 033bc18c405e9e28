import type { Db } from './connection';
import type { LocalLevel } from '../domain/localQuestions/namespace';

const columns = ['id', 'campaign_id', 'level', 'territory_code', 'code', 'element', 'author_id', 'created_at', 'updated_at'] as const;

/** Local questions of one territory (or of every territory when `territory` is omitted), oldest first. */
export async function listLocalQuestions(db: Db, campaignId: number, territory?: { level: LocalLevel; code: string }) {
  let q = db.selectFrom('local_questions').select(columns).where('campaign_id', '=', campaignId);
  if (territory) q = q.where('level', '=', territory.level).where('territory_code', '=', territory.code);
  return q.orderBy('id').execute();
}

/** What a structure of this département and region sees: the region's questions, then the département's. */
export async function localQuestionsForPlace(db: Db, campaignId: number, departementCode: string, regionCode: string) {
  return db.selectFrom('local_questions').select(['code', 'element', 'level'])
    .where('campaign_id', '=', campaignId)
    .where((eb) => eb.or([
      eb.and([eb('level', '=', 'region'), eb('territory_code', '=', regionCode)]),
      eb.and([eb('level', '=', 'departement'), eb('territory_code', '=', departementCode)]),
    ]))
    .orderBy('level', 'desc').orderBy('id').execute();
}

/** Every local code of a campaign (for bulk imports and exports). */
export async function localCodesOfCampaign(db: Db, campaignId: number) {
  const rows = await db.selectFrom('local_questions').select('code').where('campaign_id', '=', campaignId).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export async function getLocalQuestion(db: Db, id: number) {
  return db.selectFrom('local_questions').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function insertLocalQuestion(db: Db, q: { campaignId: number; level: LocalLevel; territoryCode: string; code: string; element: object; authorId: number | null }) {
  return db.insertInto('local_questions').values({
    campaign_id: q.campaignId, level: q.level, territory_code: q.territoryCode, code: q.code, element: JSON.stringify(q.element), author_id: q.authorId,
  }).onConflict((oc) => oc.columns(['campaign_id', 'code']).doNothing()).returning(columns).executeTakeFirst();
}

export async function updateLocalQuestion(db: Db, id: number, q: { code: string; element: object; authorId: number | null }) {
  return db.updateTable('local_questions').set({ code: q.code, element: JSON.stringify(q.element), author_id: q.authorId, updated_at: new Date() })
    .where('id', '=', id).returning(columns).executeTakeFirst();
}

export async function deleteLocalQuestion(db: Db, id: number) {
  const r = await db.deleteFrom('local_questions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
