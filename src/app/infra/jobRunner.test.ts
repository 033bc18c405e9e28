import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { claimNextJob, enqueueJob, findJob, jobCounts, listJobs, nextJobDueAt, requeueFailedJob } from '../../db/jobs.repo';
import { AppError } from '../../domain/errors';
import { openTestDatabase } from '../../testing/testDb';
import { queueJob, runDueJobs, startJobRunner, type JobContext } from './jobRunner';
import { QUALITY_RECHECK, qualityRecheckJob, scheduleQualityRecompute } from '../quality/scheduleQualityRecompute';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());
const later = (ms: number) => () => new Date(Date.now() + ms);
const jobsOf = async (kind: string) => (await listJobs(database.db, { limit: 1000 })).filter((j) => j.kind === kind);

describe('durable job queue', () => {
  it('runs each job exactly once when two runners compete', async () => {
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await enqueueJob(database.db, { kind: 'test.once', payload: { i } }));
    const seen: number[] = [];
    const handlers = { 'test.once': async (_db: unknown, p: Record<string, unknown>) => { seen.push(Number(p.i)); await new Promise((ok) => setTimeout(ok, 1)); } };
    const [a, b] = await Promise.all([
      runDueJobs({ db: database.db, handlers, workerId: 'a' }),
      runDueJobs({ db: database.db, handlers, workerId: 'b' }),
    ]);
    expect(a.done + b.done).toBe(30);
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect(seen.sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
    expect(await jobsOf('test.once')).toHaveLength(0);
  });

  it('keeps one pending job per dedupe key, moved to the last time asked', async () => {
    await enqueueJob(database.db, { kind: 'test.dedupe', dedupeKey: 'r1', delayMs: 1000, payload: { v: 1 } });
    await enqueueJob(database.db, { kind: 'test.dedupe', dedupeKey: 'r1', delayMs: 60_000, payload: { v: 2 } });
    await enqueueJob(database.db, { kind: 'test.dedupe', dedupeKey: 'r2', delayMs: 1000 });
    const jobs = await jobsOf('test.dedupe');
    expect(jobs).toHaveLength(2);
    const r1 = jobs.find((j) => (j.payload as { v?: number }).v === 2)!;
    expect(r1.run_at.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // A running job is left alone: a save meanwhile queues a new one after it.
    const claimed = await claimNextJob(database.db, 'x', { kinds: ['test.dedupe'], ignoreRunAt: true });
    expect(claimed).toBeDefined();
    await enqueueJob(database.db, { kind: 'test.dedupe', dedupeKey: claimed!.payload.v === 2 ? 'r1' : 'r2', delayMs: 1000 });
    expect(await jobsOf('test.dedupe')).toHaveLength(3);
    await runDueJobs({ db: database.db, handlers: { 'test.dedupe': async () => undefined }, workerId: 'y', ignoreRunAt: true });
    expect((await jobsOf('test.dedupe')).map((j) => j.state)).toEqual(['running']);
  });

  it('a runner sleeps until the next job of its own kinds (a kind it cannot run does not wake it)', async () => {
    await enqueueJob(database.db, { kind: 'test.other' });
    await enqueueJob(database.db, { kind: 'test.mine', delayMs: 30_000 });
    const due = await nextJobDueAt(database.db, ['test.mine']);
    expect(due!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(await nextJobDueAt(database.db, ['test.none'])).toBeUndefined();
    expect((await runDueJobs({ db: database.db, handlers: { 'test.mine': async () => undefined }, workerId: 'm' })).done).toBe(0);
    expect((await jobsOf('test.other'))[0].state).toBe('pending');
  });

  it('retries a failing job with backoff, then gives it up where the administration sees it', async () => {
    await enqueueJob(database.db, { kind: 'test.fail', maxAttempts: 2 });
    const handlers = { 'test.fail': async () => { throw new Error('base\nindisponible'); } };
    expect(await runDueJobs({ db: database.db, handlers, workerId: 'a' })).toEqual({ done: 0, retried: 1, failed: 0 });
    const [waiting] = await jobsOf('test.fail');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, last_error: 'base indisponible' });
    expect(waiting.run_at.getTime() - Date.now()).toBeGreaterThan(8_000);
    // Not due yet.
    expect(await runDueJobs({ db: database.db, handlers, workerId: 'a' })).toEqual({ done: 0, retried: 0, failed: 0 });
    const failedBefore = (await jobCounts(database.db)).failed;
    expect(await runDueJobs({ db: database.db, handlers, workerId: 'a', now: later(12_000) })).toEqual({ done: 0, retried: 0, failed: 1 });
    expect((await jobCounts(database.db)).failed).toBe(failedBefore + 1);
    const [failed] = await jobsOf('test.fail');
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 });
    expect(await requeueFailedJob(database.db, failed.id)).toBe(true);
    expect(await requeueFailedJob(database.db, failed.id)).toBe(false);
    expect(await runDueJobs({ db: database.db, handlers: { 'test.fail': async () => undefined }, workerId: 'a' })).toEqual({ done: 1, retried: 0, failed: 0 });
  });

  it('takes again a job left running by a process that died, after the timeout', async () => {
    await enqueueJob(database.db, { kind: 'test.stale' });
    expect(await claimNextJob(database.db, 'dead', { kinds: ['test.stale'] })).toBeDefined();
    let runs = 0;
    const handlers = { 'test.stale': async () => { runs++; } };
    expect((await runDueJobs({ db: database.db, handlers, workerId: 'alive' })).done).toBe(0);
    expect((await runDueJobs({ db: database.db, handlers, workerId: 'alive', now: later(6 * 60_000) })).done).toBe(1);
    expect(runs).toBe(1);
  });

  it('a job that runs longer than the stale delay is not taken again while its runner is alive', async () => {
    await enqueueJob(database.db, { kind: 'test.long' });
    let runs = 0;
    const handlers = { 'test.long': async () => { runs++; await new Promise((ok) => setTimeout(ok, 4_000)); } };
    const first = runDueJobs({ db: database.db, handlers, workerId: 'slow', staleMs: 1_500 });
    // Another runner looks several times while the first still works, well past the 1.5 s stale delay.
    const others = [];
    for (let i = 0; i < 5; i++) { await new Promise((ok) => setTimeout(ok, 700)); others.push(await runDueJobs({ db: database.db, handlers, workerId: 'other', staleMs: 1_500 })); }
    expect((await first).done).toBe(1);
    expect(others.reduce((n, r) => n + r.done, 0)).toBe(0);
    expect(runs).toBe(1);
  });

  it('a quality re-check queued before the process stopped runs after the restart, after its debounce', async () => {
    const response = await database.db.selectFrom('responses').select('id').orderBy('id').executeTakeFirstOrThrow();
    await database.db.updateTable('responses').set({ quality_at: null, quality_score: null }).where('id', '=', response.id).execute();
    // The process that queued it is gone (no runner ran it); the row is all that is left.
    await scheduleQualityRecompute(database.db, response.id, 300);
    // The one left 'running' by a killed process on the embedded database is taken again at once (exclusive).
    await enqueueJob(database.db, { kind: QUALITY_RECHECK, payload: { responseId: response.id } });
    await claimNextJob(database.db, 'killed', { kinds: [QUALITY_RECHECK] });
    const started = Date.now();
    let done = 0;
    const runner = await startJobRunner({ db: database.db, handlers: { [QUALITY_RECHECK]: qualityRecheckJob }, exclusive: true, onReport: (r) => { done += r.done; } });
    try {
      await expect.poll(() => done, { timeout: 10_000, interval: 50 }).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      const row = await database.db.selectFrom('responses').select(['quality_at', 'quality_score']).where('id', '=', response.id).executeTakeFirstOrThrow();
      expect(row.quality_at).not.toBeNull();
      // Woken by a job queued in this process.
      await queueJob(database.db, { kind: QUALITY_RECHECK, payload: { responseId: response.id }, dedupeKey: String(response.id) });
      await expect.poll(() => done, { timeout: 5000, interval: 20 }).toBe(3);
    } finally { await runner.stop(); }
    expect(await jobsOf(QUALITY_RECHECK)).toHaveLength(0);
  });

  it('a job asked for by a person keeps its input until it has run, its progress, then its result', async () => {
    const user = await database.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
    const input = new TextEncoder().encode('SIRET;ETP\n1;2\n');
    const id = await enqueueJob(database.db, { kind: 'test.asked', payload: { n: 3 }, requestedBy: user.id, input });
    const seen: { input?: string; progressWhileRunning?: unknown } = {};
    const handlers = {
      'test.asked': async (db: typeof database.db, payload: Record<string, unknown>, context: JobContext) => {
        seen.input = new TextDecoder().decode(await context.input());
        for (let i = 1; i <= 3; i++) { context.progress({ step: 'lignes', done: i, total: 3 }); await new Promise((ok) => setTimeout(ok, 300)); }
        seen.progressWhileRunning = (await findJob(db, id))?.progress;
        return { rows: payload.n };
      },
    };
    expect(await runDueJobs({ db: database.db, handlers, workerId: 'a' })).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen.input).toBe('SIRET;ETP\n1;2\n');
    // Written while it runs (at most every 250 ms: the third step was 300 ms after the second).
    expect(seen.progressWhileRunning).toEqual({ step: 'lignes', done: 3, total: 3 });
    const job = await findJob(database.db, id);
    expect(job).toMatchObject({ state: 'done', result: { rows: 3 }, progress: { step: 'lignes', done: 3, total: 3 }, error: null, requested_by: user.id });
    expect(job?.finished_at).toBeInstanceOf(Date);
    const { input: kept } = await database.db.selectFrom('jobs').select('input').where('id', '=', id).executeTakeFirstOrThrow();
    expect(kept).toBeNull();
    // Kept for its author only: the queue's counts and listing leave it out.
    expect((await listJobs(database.db, { limit: 1000 })).map((j) => j.id)).not.toContain(id);
  });

  it('a refusal (AppError) fails at once with what its author reads; a crash is retried', async () => {
    const refused = await enqueueJob(database.db, { kind: 'test.refused', maxAttempts: 5 });
    const handlers = { 'test.refused': async () => { throw new AppError('conflict', 'La campagne 2025 n’est pas close.', { year: 2025 }); } };
    expect(await runDueJobs({ db: database.db, handlers, workerId: 'a' })).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await findJob(database.db, refused)).toMatchObject({
      state: 'failed', attempts: 1, last_error: 'La campagne 2025 n’est pas close.',
      error: { code: 'conflict', message: 'La campagne 2025 n’est pas close.', details: { year: 2025 } },
    });
    const crashed = await enqueueJob(database.db, { kind: 'test.crashed', maxAttempts: 5 });
    expect(await runDueJobs({ db: database.db, handlers: { 'test.crashed': async () => { throw new TypeError('x is undefined'); } }, workerId: 'a' })).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await findJob(database.db, crashed)).toMatchObject({ state: 'pending', error: null });
  });
});
