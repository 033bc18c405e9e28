import type { Db } from './connection';

export async function insertQuestionnaire(db: Db, q: { year: number; version: number; definition: object }): Promise<number> {
  const row = await db.insertInto('questionnaires').values({ year: q.year, version: q.version, definition: JSON.stringify(q.definition) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const getQuestionnaireDefinition = (db: Db, id: number) =>
  db.selectFrom('questionnaires').select(['id', 'year', 'version', 'definition']).where('id', '=', id).executeTakeFirst();

export async function linkCampaignQuestionnaire(db: Db, year: number, questionnaireId: number) {
  await db.updateTable('campaigns').set({ questionnaire_id: questionnaireId }).where('year', '=', year).execute();
}
