import type { Db } from './connection';
import { forgetResponseContexts } from './response.repo';

export async function insertQuestionnaire(db: Db, q: { year: number; version: number; definition: object }): Promise<number> {
  const row = await db.insertInto('questionnaires').values({ year: q.year, version: q.version, definition: JSON.stringify(q.definition) })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const getQuestionnaireDefinition = (db: Db, id: number) =>
  db.selectFrom('questionnaires').select(['id', 'year', 'version', 'definition']).where('id', '=', id).executeTakeFirst();

export async function linkCampaignQuestionnaire(db: Db, year: number, questionnaireId: number) {
  await db.updateTable('campaigns').set({ questionnaire_id: questionnaireId }).where('year', '=', year).execute();
  forgetResponseContexts();
}

/** The newest stored version of a year's questionnaire. */
export const latestQuestionnaireOfYear = (db: Db, year: number) =>
  db.selectFrom('questionnaires').select(['id', 'year', 'version', 'definition']).where('year', '=', year).orderBy('version', 'desc').limit(1).executeTakeFirst();

/** The next free version number of a year. */
export async function nextQuestionnaireVersion(db: Db, year: number): Promise<number> {
  const r = await db.selectFrom('questionnaires').select((eb) => eb.fn.max('version').as('v')).where('year', '=', year).executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}
