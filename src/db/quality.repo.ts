/** Quality: what the engine reads (answers of a campaign and of the two years before, peer attributes) and what it stores. */
import { sql } from 'kysely';
import type { Db } from './connection';
import type { Finding } from '../domain/quality/types';

/** One response of a campaign as the engine reads it. */
export interface QualityRow {
  responseId: number;
  structureId: number;
  kind: string;
  territoryType: string;
  communePopulation: number;
  departementCode: string;
  regionCode: string;
  answers: Record<string, unknown>;
  /** Answers of the same structure in the campaign of year − 1, and its numeric answers of year − 2. */
  history: { year: number; answers: Record<string, unknown> }[];
  /** Justifications of warnings, by rule id. */
  comments: Record<string, string>;
}

/**
 * The responses of a campaign (all, or some) with their answers, their two previous years and the
 * structure attributes peer groups are built from. One query, then three per slice of 150 responses.
 * @example const rows = await qualityRows(db, { id: 3, year: 2025 });
 */
export async function qualityRows(db: Db, campaign: { id: number; year: number }, responseIds?: readonly number[], slice = QUALITY_ROWS_SLICE): Promise<QualityRow[]> {
  if (responseIds && responseIds.length === 0) return [];
  let q = db.selectFrom('responses').innerJoin('structures', 'structures.id', 'responses.structure_id')
    .leftJoin('communes', 'communes.code', 'structures.commune_code')
    .select(['responses.id', 'responses.structure_id', 'structures.kind', 'structures.territory_type', 'structures.departement_code', 'structures.region_code',
      (eb) => eb.fn.coalesce('communes.population', eb.val(0)).as('population')])
    .where('responses.campaign_id', '=', campaign.id);
  if (responseIds) q = q.where('responses.id', 'in', [...responseIds]);
  const responses = await q.orderBy('responses.id').execute();
  if (responses.length === 0) return [];
  // One row per response, its answers gathered by the database: a campaign has about half a million answers,
  // and three times that with the two years before; rows of one answer each cost far more to ship than JSON.
  // By slices of responses (150 by default): on the embedded database each statement holds the server's only
  // thread, and a whole campaign's answers in one statement held it for a second.
  const answers: { response_id: number; answers: Record<string, unknown> }[] = [];
  const past: { structure_id: number; year: number; answers: Record<string, unknown> }[] = [];
  const comments: { response_id: number; code: string; body: string }[] = [];
  for (let i = 0; i < responses.length; i += slice) {
    const some = responses.slice(i, i + slice);
    const part = await answersOfSlice(db, campaign.year, some.map((r) => r.id), some.map((r) => r.structure_id));
    answers.push(...part.answers);
    past.push(...part.past);
    comments.push(...part.comments);
  }
  const byResponse = new Map(answers.map((a) => [a.response_id, a.answers] as const));
  const byStructureYear = new Map(past.map((a) => [`${a.structure_id}/${a.year}`, a.answers] as const));
  const commentsOf = new Map<number, Record<string, string>>();
  for (const c of comments) (commentsOf.get(c.response_id) ?? commentsOf.set(c.response_id, {}).get(c.response_id)!)[c.code] = c.body;
  return responses.map((r) => ({
    responseId: r.id, structureId: r.structure_id, kind: r.kind, territoryType: r.territory_type, communePopulation: Number(r.population),
    departementCode: r.departement_code, regionCode: r.region_code,
    answers: byResponse.get(r.id) ?? {},
    history: [campaign.year - 1, campaign.year - 2].flatMap((year) => {
      const a = byStructureYear.get(`${r.structure_id}/${year}`);
      return a ? [{ year, answers: a }] : [];
    }),
    comments: commentsOf.get(r.id) ?? {},
  }));
}

/**
 * Replaces the stored findings and score of responses, in one transaction (the rule id and the suspect answer, with
 * its likelihood and proposed correction, are kept in the details).
 * @example await storeQuality(db, [{ responseId: 12, score: 85, findings }]);
 */
export async function storeQuality(db: Db, results: readonly { responseId: number; score: number; findings: readonly Finding[] }[]): Promise<void> {
  if (results.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < results.length; i += 500) {
      const chunk = results.slice(i, i + 500);
      const ids = chunk.map((r) => r.responseId);
      await trx.deleteFrom('quality_findings').where('response_id', 'in', ids).execute();
      const rows = chunk.flatMap((r) => r.findings.map((f) => ({
        response_id: r.responseId, kind: f.kind, level: f.level, codes: JSON.stringify(f.codes), reason: f.reason,
        details: JSON.stringify({ ...f.details, rule: f.rule, ...(f.suspect ? { suspect: f.suspect } : {}) }),
      })));
      for (let j = 0; j < rows.length; j += 1000) await trx.insertInto('quality_findings').values(rows.slice(j, j + 1000)).execute();
      // One statement for the scores of the chunk: (id, score) pairs joined as a VALUES list.
      const pairs = sql.join(chunk.map((r) => sql`(${r.responseId}::int, ${r.score}::int)`));
      await sql`update responses set quality_score = v.score, quality_at = now() from (values ${pairs}) as v(id, score) where responses.id = v.id`.execute(trx);
    }
  });
}

/** The stored findings of a response, errors first. */
export async function responseFindings(db: Db, responseId: number) {
  const rows = await db.selectFrom('quality_findings').select(['id', 'kind', 'level', 'codes', 'reason', 'details'])
    .where('response_id', '=', responseId).orderBy(sql`case level when 'error' then 0 when 'warning' then 1 else 2 end`).orderBy('id').execute();
  return rows.map((r) => ({ ...r, rule: String((r.details as Record<string, unknown>).rule ?? r.kind) }));
}

/** The stored score of a response and when it was computed. */
export async function responseScore(db: Db, responseId: number) {
  return db.selectFrom('responses').select(['quality_score', 'quality_at']).where('id', '=', responseId).executeTakeFirst();
}

/** Who works on a response: the structure's team, and the correspondents of its département and region. */
export async function responsePeople(db: Db, place: { structureId: number; departementCode: string; regionCode: string }) {
  const rows = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.organisation', 'memberships.structure_id'])
    .where('users.disabled', '=', false)
    .where((eb) => eb.or([
      eb('memberships.structure_id', '=', place.structureId),
      eb.and([eb('memberships.role', '=', 'correspondent'), eb('memberships.departement_code', '=', place.departementCode)]),
      eb.and([eb('memberships.role', '=', 'regional_coordinator'), eb('memberships.region_code', '=', place.regionCode)]),
    ]))
    .orderBy('memberships.role').orderBy('users.name').execute();
  const person = (r: (typeof rows)[number]) => ({ id: r.id, name: r.name, email: r.email, role: r.role, organisation: r.organisation });
  return { structure: rows.filter((r) => r.structure_id === place.structureId).map(person), correspondents: rows.filter((r) => r.structure_id !== place.structureId).map(person) };
}

/** Responses read by qualityRows per slice (three statements each). */
const QUALITY_ROWS_SLICE = 150;

/** The answers, last two years' answers and justifications of a slice of a campaign's responses. */
async function answersOfSlice(db: Db, year: number, ids: number[], structures: number[]) {
  const [answers, past, comments] = await Promise.all([
    db.selectFrom('answers').select(['response_id', sql<Record<string, unknown>>`jsonb_object_agg(code, value)`.as('answers')])
      .where('response_id', 'in', ids).groupBy('response_id').execute(),
    db.selectFrom('answers').innerJoin('responses', 'responses.id', 'answers.response_id').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
      .select(['responses.structure_id', 'campaigns.year', sql<Record<string, unknown>>`jsonb_object_agg(answers.code, answers.value)`.as('answers')])
      .where('responses.structure_id', 'in', structures)
      // Two years back, only the trend of amounts is read: numbers only.
      .where((eb) => eb.or([eb('campaigns.year', '=', year - 1),
        eb.and([eb('campaigns.year', '=', year - 2), eb(sql`jsonb_typeof(answers.value)`, '=', 'number')])]))
      .groupBy(['responses.structure_id', 'campaigns.year']).execute(),
    db.selectFrom('answer_comments').select(['response_id', 'code', 'body']).where('response_id', 'in', ids).where('kind', '=', 'justification').orderBy('id').execute(),
  ]);
  return { answers, past, comments };
}
