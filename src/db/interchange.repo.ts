import { sql } from 'kysely';
import type { Db } from './connection';
import type { TerritoryScope } from './campaign.repo';

/** Structures by SIRET, with their place (for permissions and local questions). */
export async function findStructuresBySiret(db: Db, sirets: readonly string[]) {
  if (sirets.length === 0) return [];
  return db.selectFrom('structures').select(['id', 'siret', 'name', 'departement_code', 'region_code'])
    .where('siret', 'in', [...sirets]).execute();
}

/** Current answers of a campaign's responses for some structures: structure id → code → value. */
export async function answersOfStructures(db: Db, campaignId: number, structureIds: readonly number[]) {
  const byStructure = new Map<number, Map<string, unknown>>();
  if (structureIds.length === 0) return byStructure;
  const rows = await db.selectFrom('responses').innerJoin('answers', 'answers.response_id', 'responses.id')
    .select(['responses.structure_id', 'answers.code', 'answers.value'])
    .where('responses.campaign_id', '=', campaignId).where('responses.structure_id', 'in', [...structureIds]).execute();
  for (const r of rows) {
    let answers = byStructure.get(r.structure_id);
    if (!answers) byStructure.set(r.structure_id, (answers = new Map()));
    answers.set(r.code, r.value);
  }
  return byStructure;
}

/**
 * Writes imported answers in one transaction: creates the missing responses, then upserts every answer
 * whose value changed, each with its revision of kind `import`, in one statement per chunk. Answers
 * whose value is unchanged are left alone (no new version, no revision).
 */
export async function writeImportedAnswers(db: Db, p: { campaignId: number; authorId: number | null; answers: { structureId: number; code: string; value: unknown }[] }) {
  return db.transaction().execute(async (tx) => {
    const structureIds = [...new Set(p.answers.map((a) => a.structureId))];
    if (structureIds.length === 0) return { written: 0, responsesCreated: 0 };
    const created = await tx.insertInto('responses')
      .values(structureIds.map((id) => ({ structure_id: id, campaign_id: p.campaignId, state: 'not_started' })))
      .onConflict((oc) => oc.columns(['structure_id', 'campaign_id']).doNothing()).returning('id').execute();
    const responses = await tx.selectFrom('responses').select(['id', 'structure_id'])
      .where('campaign_id', '=', p.campaignId).where('structure_id', 'in', structureIds).execute();
    const responseOf = new Map(responses.map((r) => [r.structure_id, r.id]));
    let written = 0;
    for (let i = 0; i < p.answers.length; i += 5000) {
      const input = JSON.stringify(p.answers.slice(i, i + 5000).map((a) => ({ response_id: responseOf.get(a.structureId), code: a.code, value: a.value })));
      const r = await sql<{ n: number }>`
        with input as (select * from jsonb_to_recordset(${input}::jsonb) as x(response_id integer, code text, value jsonb)),
        old as (select a.response_id, a.code, a.value from answers a join input i on i.response_id = a.response_id and i.code = a.code),
        up as (
          insert into answers (response_id, code, value, version, author_id, updated_at, prefilled)
          select response_id, code, value, 1, ${p.authorId}, now(), false from input
          on conflict (response_id, code) do update
            set value = excluded.value, version = answers.version + 1, author_id = excluded.author_id, updated_at = now(), prefilled = false
            where answers.value is distinct from excluded.value or answers.prefilled
          returning response_id, code, version, value),
        rev as (
          insert into answer_revisions (response_id, code, value, previous, version, author_id, kind)
          select up.response_id, up.code, up.value, old.value, up.version, ${p.authorId}, 'import'
          from up left join old on old.response_id = up.response_id and old.code = up.code
          returning 1),
        touched as (
          update responses set updated_at = now(), state = case when state = 'not_started' then 'in_progress' else state end
          where id in (select response_id from up)
          returning 1)
        select count(*)::int as n from up`.execute(tx);
      written += Number(r.rows[0]?.n ?? 0);
    }
    return { written, responsesCreated: created.length };
  });
}

/** Structures of a scope that have a response to the campaign, with that response's answers. */
export async function responsesForExport(db: Db, campaignId: number, scope: TerritoryScope) {
  let q = db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .select(['structures.id', 'structures.siret', 'structures.name', 'structures.departement_code', 'structures.region_code', 'responses.id as response_id'])
    .where('responses.campaign_id', '=', campaignId);
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  const structures = await q.orderBy('structures.departement_code').orderBy('structures.name').orderBy('structures.id').execute();
  const answers = await answersOfStructures(db, campaignId, structures.map((s) => s.id));
  return structures.map((s) => ({ ...s, answers: answers.get(s.id) ?? new Map<string, unknown>() }));
}
