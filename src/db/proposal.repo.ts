import type { Db } from './connection';

/** Proposals of change to questions made on the responses of one campaign year, by code then date. */
export async function listProposals(db: Db, year: number) {
  return db.selectFrom('answer_comments')
    .innerJoin('responses', 'responses.id', 'answer_comments.response_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .innerJoin('structures', 'structures.id', 'responses.structure_id')
    .innerJoin('users', 'users.id', 'answer_comments.author_id')
    .select(['answer_comments.id', 'answer_comments.code', 'answer_comments.body', 'answer_comments.at',
      'structures.id as structure_id', 'structures.name as structure_name', 'structures.departement_code', 'users.name as author_name'])
    .where('campaigns.year', '=', year).where('answer_comments.kind', '=', 'proposal')
    .orderBy('answer_comments.code').orderBy('answer_comments.id').execute();
}
