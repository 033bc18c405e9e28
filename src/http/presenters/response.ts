import type { ResponseContext } from '../../app/responses/responseAccess';
import type { answerHistory, listAnswers, listComments } from '../../db/response.repo';

type Answer = Awaited<ReturnType<typeof listAnswers>>[number];
type Revision = Awaited<ReturnType<typeof answerHistory>>[number];
type Comment = Awaited<ReturnType<typeof listComments>>[number];

/**
 * A response with its structure and campaign, as its pages and the review read it.
 * @example presentResponse(r) // { id: 12, state: 'in_progress', structureId: 3, campaignId: 2, submittedAt: null, structureName: 'CS Les Tilleuls', departementCode: '69', campaignState: 'open', … }
 */
export function presentResponse(r: ResponseContext) {
  return {
    id: r.id, state: r.state, structureId: r.structure_id, campaignId: r.campaign_id, submittedAt: r.submitted_at, validatedAt: r.validated_at,
    structureName: r.structure_name, structureKind: r.structure_kind, departementCode: r.departement_code, regionCode: r.region_code,
    year: r.year, campaignState: r.campaign_state, questionnaireId: r.questionnaire_id,
  };
}

/**
 * One answer of a response: its value, version, whether it was taken from last year, who wrote it last and when.
 * @example presentAnswer(a) // { code: 'q_budget', value: 1200, version: 3, prefilled: false, updatedAt: …, authorId: 7, authorName: 'Camille' }
 */
export function presentAnswer(a: Answer) {
  return { code: a.code, value: a.value, version: a.version, prefilled: a.prefilled, updatedAt: a.updated_at, authorId: a.author_id, authorName: a.author_name };
}

/**
 * One revision of an answer: who, when, before → after.
 * @example presentAnswerRevision(v) // { id: 1, value: 1200, previous: null, version: 1, kind: 'save', at: …, authorName: 'Camille' }
 */
export function presentAnswerRevision(v: Revision) {
  return { id: v.id, value: v.value, previous: v.previous, version: v.version, kind: v.kind, at: v.at, authorName: v.author_name };
}

/**
 * A comment on an answer (a remark, a proposed change of question, a warning's justification).
 * @example presentAnswerComment(c) // { id: 1, code: 'q_budget', kind: 'justification', body: '…', at: …, authorName: 'Camille' }
 */
export function presentAnswerComment(c: Comment) {
  return { id: c.id, code: c.code, kind: c.kind, body: c.body, at: c.at, authorName: c.author_name };
}
