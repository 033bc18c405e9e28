import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { responseFindings, responseScore } from '../../db/quality.repo';
import { openTestDatabase } from '../../testing/testDb';
import { recomputeQuality } from './recomputeQuality';
import { runQuality } from './runQuality';
import { flushQualityRecomputes, QUALITY_RECHECK, scheduleQualityRecompute } from './scheduleQualityRecompute';
import { listJobs } from '../../db/jobs.repo';

let database: Database$;
let responseId: number;
const setAnswer = (code: string, value: unknown) => database.db.updateTable('answers').set({ value: JSON.stringify(value) })
  .where('response_id', '=', responseId).where('code', '=', code).execute();
const answer = async (code: string) => (await database.db.selectFrom('answers').select('value').where('response_id', '=', responseId).where('code', '=', code).executeTakeFirstOrThrow()).value;

beforeAll(async () => {
  database = await openTestDatabase();
  const r = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
    .innerJoin('answers', 'answers.response_id', 'responses.id')
    .select('responses.id').where('campaigns.year', '=', 2025).where('answers.code', '=', 'rh.effectif.animation')
    .where('responses.state', '=', 'submitted').orderBy('responses.id').executeTakeFirstOrThrow();
  responseId = r.id;
});
afterAll(() => database.close());

describe('quality run and re-check', () => {
  it('checks every response of a campaign, stores a score for each and findings with their reason', async () => {
    const steps: string[] = [];
    const summary = await runQuality({ db: database.db, year: 2025, onProgress: (_d, _t, step) => steps.push(step) });
    const count = await database.db.selectFrom('responses').innerJoin('campaigns', 'campaigns.id', 'responses.campaign_id')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('responses.quality_score').as('scored')]).where('campaigns.year', '=', 2025).executeTakeFirstOrThrow();
    expect(summary.responses).toBe(Number(count.n));
    expect(Number(count.scored)).toBe(Number(count.n));
    expect(steps).toContain('enregistrement');
    const stored = await database.db.selectFrom('quality_findings').select(['reason', 'details', 'level']).limit(50).execute();
    for (const f of stored) { expect(f.reason.length).toBeGreaterThan(10); expect(typeof (f.details as Record<string, unknown>).rule).toBe('string'); }
    await expect(runQuality({ db: database.db, year: 1990 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('re-checks one response after an answer changes: the questionnaire rule fires with the values, the score drops', async () => {
    const before = (await recomputeQuality(database.db, responseId))!;
    expect(before.findings.some((f) => f.rule === 'rh.etp_effectif.animation')).toBe(false);
    const staff = Number(await answer('rh.effectif.animation'));
    await setAnswer('rh.etp.animation', staff + 3);
    const after = (await recomputeQuality(database.db, responseId))!;
    const finding = after.findings.find((f) => f.rule === 'rh.etp_effectif.animation')!;
    expect(finding.level).toBe('error');
    expect(finding.reason).toContain(`« ETP : Animation » = ${staff + 3}`);
    expect(after.score).toBeLessThan(before.score);
    const stored = await responseFindings(database.db, responseId);
    expect(stored[0]).toMatchObject({ level: 'error', rule: 'rh.etp_effectif.animation', codes: ['rh.etp.animation', 'rh.effectif.animation'] });
    // The answer most likely wrong is stored with the finding, for the review page to highlight.
    expect((stored[0].details as { suspect?: { code: string; likelihood: number } }).suspect).toMatchObject({ code: 'rh.etp.animation' });
    expect((await responseScore(database.db, responseId))?.quality_score).toBe(after.score);
    expect(await recomputeQuality(database.db, 999_999_999)).toBeUndefined();
  });

  it('debounces re-checks per response in the job queue: one pending job, run when flushed', async () => {
    const staff = Number(await answer('rh.effectif.animation'));
    await setAnswer('rh.etp.animation', staff);
    await scheduleQualityRecompute(database.db, responseId, 60_000);
    await scheduleQualityRecompute(database.db, responseId, 60_000);
    const queued = (await listJobs(database.db)).filter((j) => j.kind === QUALITY_RECHECK && (j.payload as { responseId: number }).responseId === responseId);
    expect(queued).toHaveLength(1);
    expect(queued[0].run_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Nothing ran yet: the stored findings still carry the error.
    expect((await responseFindings(database.db, responseId)).some((f) => f.rule === 'rh.etp_effectif.animation')).toBe(true);
    expect(await flushQualityRecomputes(database.db)).toBeGreaterThanOrEqual(1);
    expect((await responseFindings(database.db, responseId)).some((f) => f.rule === 'rh.etp_effectif.animation')).toBe(false);
    expect((await listJobs(database.db)).filter((j) => j.kind === QUALITY_RECHECK)).toHaveLength(0);
  });

  it('leaves a re-check due at least half its delay ahead alone (a burst of saves writes the row once), moves it later after that, and never holds back an earlier one', async () => {
    const pending = async () => (await listJobs(database.db)).filter((j) => j.kind === QUALITY_RECHECK && j.state === 'pending'
      && (j.payload as { responseId: number }).responseId === responseId);
    await scheduleQualityRecompute(database.db, responseId, 1200);
    const [first] = await pending();
    await scheduleQualityRecompute(database.db, responseId, 1200);
    expect((await pending()).map((j) => j.run_at)).toEqual([first.run_at]);
    await new Promise((r) => setTimeout(r, 700));
    await scheduleQualityRecompute(database.db, responseId, 1200);
    const [moved] = await pending();
    expect(moved.id).toBe(first.id);
    expect(moved.run_at.getTime()).toBeGreaterThan(first.run_at.getTime() + 500);
    // A submission asks for it now: the pending one is brought forward, not left.
    await scheduleQualityRecompute(database.db, responseId, 0);
    expect((await pending())[0].run_at.getTime()).toBeLessThan(moved.run_at.getTime() - 500);
    expect(await flushQualityRecomputes(database.db)).toBeGreaterThanOrEqual(1);
    // After a flush ran it early, the next save queues again.
    await scheduleQualityRecompute(database.db, responseId, 60_000);
    expect(await pending()).toHaveLength(1);
    await flushQualityRecomputes(database.db);
  });
});
