import { sql } from 'kysely';
import type { ResponseState } from '../domain/responseState';
import type { Db } from './connection';
import { shortLived } from './shortLived';

/** A response with what permissions and validation need: its structure's place and its campaign. */
export async function getResponseContext(db: Db, responseId: number) {
  return db.selectFrom('responses')
    .innerJoin('structures', 'structures.id', 'responses.structure_id')
    .innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .select(['responses.id', 'responses.state', 'responses.structure_id', 'responses.campaign_id', 'responses.submitted_at', 'responses.validated_at',
      'structures.name as structure_name', 'structures.kind as structure_kind', 'structures.departement_code', 'structures.region_code',
      'campaigns.year', 'campaigns.state as campaign_state', 'campaigns.questionnaire_id'])
    .where('responses.id', '=', responseId).executeTakeFirst();
}

const recentContexts = shortLived<Awaited<ReturnType<typeof getResponseContext>>>(1000, 10_000);

/**
 * The response's context as read at most a second ago in this process (requests at once share one read):
 * for the paths that send a request per answer typed and do not decide on its state alone — autosave, whose
 * write asks the database again whether the response may still be changed, and the whole-response check,
 * which only reads. A state changed by this process is seen at once (setResponseState forgets), by another
 * within a second. The value is shared: not to be changed by the caller.
 */
export function recentResponseContext(db: Db, responseId: number) {
  return recentContexts.read(db, String(responseId), () => getResponseContext(db, responseId));
}

/** Forgets the contexts kept by recentResponseContext (a state, campaign or structure changed here). */
export const forgetResponseContexts = (): void => recentContexts.forget();

export async function findResponseId(db: Db, structureId: number, campaignId: number) {
  const r = await db.selectFrom('responses').select('id').where('structure_id', '=', structureId).where('campaign_id', '=', campaignId).executeTakeFirst();
  return r?.id;
}

/** Creates the response of a structure for a campaign if it does not exist yet; answers its id. */
export async function ensureResponse(db: Db, structureId: number, campaignId: number): Promise<number> {
  await db.insertInto('responses').values({ structure_id: structureId, campaign_id: campaignId, state: 'not_started' })
    .onConflict((oc) => oc.columns(['structure_id', 'campaign_id']).doNothing()).execute();
  forgetResponseContexts();
  return (await findResponseId(db, structureId, campaignId))!;
}

export async function listAnswers(db: Db, responseId: number) {
  return db.selectFrom('answers').leftJoin('users', 'users.id', 'answers.author_id')
    .select(['answers.code', 'answers.value', 'answers.version', 'answers.prefilled', 'answers.updated_at', 'answers.author_id', 'users.name as author_name'])
    .where('answers.response_id', '=', responseId).orderBy('answers.code').execute();
}

export async function getAnswer(db: Db, responseId: number, code: string) {
  return db.selectFrom('answers').leftJoin('users', 'users.id', 'answers.author_id')
    .select(['answers.code', 'answers.value', 'answers.version', 'answers.prefilled', 'answers.updated_at', 'users.name as author_name'])
    .where('answers.response_id', '=', responseId).where('answers.code', '=', code).executeTakeFirst();
}

/** The answers of the same structure in the previous campaign, as one JSON object by code (a sub-select). */
const previousAnswersObject = (structureId: number, year: number) => sql<Record<string, unknown>>`(select coalesce(jsonb_object_agg(a.code, a.value), '{}'::jsonb)
  from answers a join responses p on p.id = a.response_id join campaigns k on k.id = p.campaign_id where p.structure_id = ${structureId} and k.year = ${year - 1})`;

/**
 * What a whole-response check reads, in one statement: the response's answers, the same structure's answers
 * of the previous campaign, and the justifications written for warnings (by rule, the last one written).
 * @example const { answers, previous, justifications } = await validationInputs(db, { id: 12, structureId: 3, year: 2025 });
 */
export async function validationInputs(db: Db, r: { id: number; structureId: number; year: number }) {
  const { rows: [row] } = await sql<{ answers: Record<string, unknown>; previous: Record<string, unknown>; justifications: Record<string, string> }>`
    select
      (select coalesce(jsonb_object_agg(a.code, a.value), '{}'::jsonb) from answers a where a.response_id = ${r.id}) as answers,
      ${previousAnswersObject(r.structureId, r.year)} as previous,
      (select coalesce(jsonb_object_agg(c.code, c.body order by c.id), '{}'::jsonb) from answer_comments c join users u on u.id = c.author_id
         where c.response_id = ${r.id} and c.kind = 'justification') as justifications`.execute(db);
  return row;
}

/** The answers of the same structure in the previous campaign, by code. */
export async function previousAnswers(db: Db, structureId: number, year: number): Promise<Record<string, unknown>> {
  const { rows: [row] } = await sql<{ previous: Record<string, unknown> }>`select ${previousAnswersObject(structureId, year)} as previous`.execute(db);
  return row.previous;
}

/**
 * Writes one answer if nobody changed it since `baseVersion` (0 = it did not exist): a stale write
 * returns nothing and changes nothing. One statement (so one round trip and one commit) also appends
 * the revision and marks the response in progress.
 */
export async function writeAnswer(db: Db, w: { responseId: number; code: string; value: unknown; baseVersion: number; authorId: number; kind: 'save' | 'confirm' }) {
  const json = JSON.stringify(w.value ?? null);
  const written = await sql<{ version: number }>`
    with old as (select value from answers where response_id = ${w.responseId} and code = ${w.code}),
    up as (
      insert into answers (response_id, code, value, version, author_id, updated_at, prefilled)
      select ${w.responseId}, ${w.code}, ${json}::jsonb, 1, ${w.authorId}, now(), false
      -- What the caller checked may have changed since (a submission, a return, a campaign closed in between;
      -- the caller may have read it a second ago): writes only into a response the structure may still fill,
      -- of an open campaign, and when it is returned only an answer under an open query — in the same statement.
      where exists (select 1 from responses r join campaigns c on c.id = r.campaign_id
        where r.id = ${w.responseId} and c.state = 'open' and (r.state in ('not_started', 'in_progress')
          or (r.state = 'returned' and exists (select 1 from queries q where q.response_id = r.id and q.code = ${w.code} and q.state <> 'closed'))))
      on conflict (response_id, code) do update
        set value = excluded.value, version = answers.version + 1, author_id = excluded.author_id, updated_at = now(), prefilled = false
        where answers.version = ${w.baseVersion}
      returning version, value),
    rev as (
      insert into answer_revisions (response_id, code, value, previous, version, author_id, kind)
      select ${w.responseId}, ${w.code}, up.value, (select value from old), up.version, ${w.authorId}, ${w.kind} from up
      returning 1),
    touched as (
      update responses set updated_at = now(), state = case when state = 'not_started' then 'in_progress' else state end
      where id = ${w.responseId} and exists (select 1 from up)
      returning 1)
    select version from up`.execute(db);
  const row = written.rows[0];
  return row ? { version: row.version } : undefined;
}

/** Copies last year's answers as "to confirm" into an empty response, for the codes this year's questionnaire asks. */
export async function prefillAnswers(db: Db, responseId: number, values: Record<string, unknown>) {
  const rows = Object.entries(values).map(([code, value]) => ({ response_id: responseId, code, value: JSON.stringify(value), prefilled: true }));
  if (rows.length === 0) return 0;
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('answers').values(rows).onConflict((oc) => oc.columns(['response_id', 'code']).doNothing()).execute();
    await tx.insertInto('answer_revisions').values(rows.map((r) => ({ response_id: r.response_id, code: r.code, value: r.value, previous: null, version: 1, author_id: null, kind: 'prefill' }))).execute();
  });
  return rows.length;
}

export async function answerHistory(db: Db, responseId: number, code: string) {
  return db.selectFrom('answer_revisions').leftJoin('users', 'users.id', 'answer_revisions.author_id')
    .select(['answer_revisions.id', 'answer_revisions.value', 'answer_revisions.previous', 'answer_revisions.version', 'answer_revisions.kind', 'answer_revisions.at', 'users.name as author_name'])
    .where('answer_revisions.response_id', '=', responseId).where('answer_revisions.code', '=', code).orderBy('answer_revisions.id').execute();
}

export async function insertComment(db: Db, c: { responseId: number; code: string; authorId: number; kind: string; body: string }) {
  return db.insertInto('answer_comments').values({ response_id: c.responseId, code: c.code, author_id: c.authorId, kind: c.kind, body: c.body })
    .returning(['id', 'at']).executeTakeFirstOrThrow();
}

export async function listComments(db: Db, responseId: number, code?: string) {
  let q = db.selectFrom('answer_comments').innerJoin('users', 'users.id', 'answer_comments.author_id')
    .select(['answer_comments.id', 'answer_comments.code', 'answer_comments.kind', 'answer_comments.body', 'answer_comments.at', 'users.name as author_name'])
    .where('answer_comments.response_id', '=', responseId);
  if (code) q = q.where('answer_comments.code', '=', code);
  return q.orderBy('answer_comments.id').execute();
}

export async function setResponseState(db: Db, responseId: number, from: readonly ResponseState[], to: ResponseState, extra: { submitted_at?: Date; validated_at?: Date } = {}) {
  const r = await db.updateTable('responses').set({ state: to, updated_at: new Date(), ...extra })
    .where('id', '=', responseId).where('state', 'in', [...from]).executeTakeFirst();
  forgetResponseContexts();
  return Number(r.numUpdatedRows) === 1;
}

/** The responses of some structures to the campaign of a year. */
export async function responseIdsOfStructures(db: Db, year: number, structureIds: readonly number[]) {
  if (structureIds.length === 0) return [];
  const rows = await db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id').select('responses.id')
    .where('campaigns.year', '=', year).where('responses.structure_id', 'in', [...structureIds]).orderBy('responses.id').execute();
  return rows.map((r) => r.id);
}
