import { sql } from 'kysely';
import type { CampaignState } from '../domain/campaignState';
import type { Db } from './connection';
import type { TerritoryScope } from './campaign.repo';
import { forgetResponseContexts } from './response.repo';
import { dueForReminder, effectiveDeadline, onTime } from '../domain/deadlines';

/** What the cockpit and reminders need of a campaign: its closing date and its later deadlines per territory. */
export interface CampaignDates { id: number; year: number; closes_on: Date; deadlines?: Record<string, string> | null }

/**
 * Structures expected in a campaign of data year `year` (approved before the year began, and not ended —
 * approvals over or taken over — before it), in a territory.
 */
function expected(db: Db, year: number, scope: TerritoryScope) {
  let q = db.selectFrom('structures')
    .where((eb) => eb.or([eb('structures.first_approval_on', 'is', null), eb('structures.first_approval_on', '<', sql<Date>`${`${year}-01-01`}::date`)]))
    .where((eb) => eb.or([eb('structures.ended_on', 'is', null), eb('structures.ended_on', '>=', sql<Date>`${`${year}-01-01`}::date`)]));
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  return q;
}

/**
 * The follow-up of a campaign on a territory: counts by state, on-time submissions, quality score
 * distribution (by tens), open queries and the structures with the most findings.
 */
export async function campaignCockpit(db: Db, campaign: CampaignDates, scope: TerritoryScope) {
  const base = expected(db, campaign.year, scope)
    .leftJoin('responses', (j) => j.onRef('responses.structure_id', '=', 'structures.id').on('responses.campaign_id', '=', campaign.id));
  const [states, timing, scores, queries, worst] = await Promise.all([
    base.select((eb) => [eb.fn.coalesce('responses.state', eb.val('not_started')).as('state'), eb.fn.countAll<number>().as('n')])
      .groupBy('responses.state').execute(),
    // Submissions by place and day: each is on time against its structure's effective deadline.
    base.where('responses.submitted_at', 'is not', null)
      .select(['structures.departement_code', 'structures.region_code', sql<string>`to_char(responses.submitted_at, 'YYYY-MM-DD')`.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['structures.departement_code', 'structures.region_code', sql`3`]).execute(),
    base.where('responses.quality_score', 'is not', null)
      .select([sql<number>`least(9, floor(responses.quality_score / 10))::int`.as('bucket'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`1`).execute(),
    base.innerJoin('queries', 'queries.response_id', 'responses.id').where('queries.state', '!=', 'closed')
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base.innerJoin('quality_findings', 'quality_findings.response_id', 'responses.id')
      .select(['structures.id', 'structures.name', 'responses.id as response_id', 'responses.quality_score', (eb) => eb.fn.countAll<number>().as('findings')])
      .groupBy(['structures.id', 'structures.name', 'responses.id', 'responses.quality_score'])
      .orderBy('findings', 'desc').orderBy('structures.name').limit(10).execute(),
  ]);
  const byState: Record<string, number> = {};
  for (const r of states) byState[String(r.state)] = (byState[String(r.state)] ?? 0) + Number(r.n);
  const distribution = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + (i === 9 ? 10 : 9), n: 0 }));
  for (const s of scores) distribution[Number(s.bucket)].n = Number(s.n);
  let submitted = 0;
  let inTime = 0;
  for (const t of timing) {
    submitted += Number(t.n);
    if (onTime(t.day, effectiveDeadline(campaign.closes_on, campaign.deadlines, { departementCode: t.departement_code, regionCode: t.region_code }))) inTime += Number(t.n);
  }
  const expectedCount = Object.values(byState).reduce((a, b) => a + b, 0);
  return {
    expected: expectedCount,
    byState,
    /** On time among the transmitted responses only; the cockpit leads with `timeliness`, over the expected ones. */
    onTimeRate: submitted === 0 ? null : inTime / submitted,
    timeliness: { onTime: inTime, late: submitted - inTime, missing: expectedCount - submitted, onTimeOfExpected: expectedCount === 0 ? null : inTime / expectedCount },
    qualityDistribution: distribution,
    openQueries: Number(queries.n),
    mostFindings: worst.map((w) => ({ ...w, findings: Number(w.findings) })),
  };
}

/**
 * Expected structures that have not submitted and are due a reminder on `today` (a structure granted a
 * later deadline is left alone until it has passed), each with its effective deadline and whom to
 * remind: its directors, else the structure's address.
 */
export async function lateStructures(db: Db, campaign: CampaignDates, scope: TerritoryScope, today: Date = new Date()) {
  const rows = await expected(db, campaign.year, scope)
    .leftJoin('responses', (j) => j.onRef('responses.structure_id', '=', 'structures.id').on('responses.campaign_id', '=', campaign.id))
    .where((eb) => eb.or([eb('responses.state', 'is', null), eb('responses.state', 'in', ['not_started', 'in_progress', 'returned'])]))
    .select(['structures.id', 'structures.name', 'structures.email', 'structures.departement_code', 'structures.region_code', (eb) => eb.fn.coalesce('responses.state', eb.val('not_started')).as('state'),
      (eb) => eb.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
        .whereRef('memberships.structure_id', '=', 'structures.id').where('memberships.role', '=', 'director')
        .select(sql<string>`string_agg(users.email, ',' order by users.email)`.as('e')).as('director_emails')])
    .orderBy('structures.name').execute();
  return rows
    .map((r) => ({ ...r, deadline: effectiveDeadline(campaign.closes_on, campaign.deadlines, { departementCode: r.departement_code, regionCode: r.region_code }) }))
    .filter((r) => dueForReminder(r.deadline, campaign.closes_on, today))
    .map((r) => ({ ...r, recipients: r.director_emails ? r.director_emails.split(',') : r.email ? [r.email] : [] }));
}

/** Stored mails hold no secret: an invitation mail carries its invitation_id and a placeholder for the link. */
export async function insertOutbox(db: Db, mails: { to_email: string; subject: string; body: string; structure_id: number | null; invitation_id?: number | null }[]) {
  if (mails.length === 0) return;
  await db.insertInto('outbox').values(mails).execute();
}

export async function listOutbox(db: Db, page: { offset: number; limit: number }, scope: TerritoryScope) {
  let q = db.selectFrom('outbox').leftJoin('structures', 'structures.id', 'outbox.structure_id');
  if (scope.level === 'region') q = q.where('structures.region_code', '=', scope.code);
  if (scope.level === 'departement') q = q.where('structures.departement_code', '=', scope.code);
  const [items, total] = await Promise.all([
    q.select(['outbox.id', 'outbox.to_email', 'outbox.subject', 'outbox.body', 'outbox.created_at', 'outbox.sent_at', 'structures.name as structure_name',
      'outbox.state', 'outbox.attempts', 'outbox.next_attempt_at', 'outbox.last_error'])
      .orderBy('outbox.id', 'desc').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function setCampaignState(db: Db, year: number, from: CampaignState[], to: CampaignState) {
  const r = await db.updateTable('campaigns').set({ state: to }).where('year', '=', year).where('state', 'in', from).executeTakeFirst();
  forgetResponseContexts();
  return Number(r.numUpdatedRows) === 1;
}

/** At campaign close, every validated response is locked. */
export async function lockValidated(db: Db, campaignId: number) {
  const r = await db.updateTable('responses').set({ state: 'locked', updated_at: new Date() })
    .where('campaign_id', '=', campaignId).where('state', '=', 'validated').executeTakeFirst();
  forgetResponseContexts();
  return Number(r.numUpdatedRows);
}
