import { sql } from 'kysely';
import type { Db } from './connection';
import { DEFAULT_MAX_ATTEMPTS, DONE_JOB_KEPT_MS, STALE_RUNNING_MS, type JobProgress, type JobRefusal, type JobState, type QueueState } from '../domain/jobs';

/** The PostgreSQL channel on which a queued job wakes the runners of every process. */
export const JOBS_CHANNEL = 'senacs_jobs';

/** A job as a runner takes it from the queue. */
export interface ClaimedJob { id: number; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number; requested_by: number | null }

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** Run no sooner than this many milliseconds from now (database clock); 0 by default. */
  delayMs?: number;
  /** At most one pending job per kind and key: queueing again moves it to the new time and payload. */
  dedupeKey?: string;
  maxAttempts?: number;
  /** The person who asked for it: the job then keeps its progress and outcome for them (GET /api/jobs/:id). */
  requestedBy?: number;
  /** The file the job works on (an upload), kept until the job has run. */
  input?: Uint8Array;
}

// Bytes cross the connection as base64 text (see releaseFiles.repo.ts: PGlite parses hex bytea slowly).
const base64 = (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('base64');

const clock = (now?: Date) => (now ? sql<Date>`${now}::timestamptz` : sql<Date>`now()`);

/**
 * Queues a job and wakes the runners listening on JOBS_CHANNEL (other processes on PostgreSQL). With a
 * dedupe key, a job of the same kind and key still pending is moved instead (a debounce that survives
 * a restart); a running one is left alone and a new one queued after it. Answers the job's id.
 * @example await enqueueJob(db, { kind: 'quality.recheck', payload: { responseId: 12 }, delayMs: 1500, dedupeKey: '12' });
 */
export async function enqueueJob(db: Db, job: NewJob, now?: Date): Promise<number> {
  const runAt = sql<Date>`${clock(now)} + make_interval(secs => ${(job.delayMs ?? 0) / 1000})`;
  // One round trip (an autosave waits for it): the row written, then the NOTIFY sent with the commit.
  const { rows: [row] } = await sql<{ id: number }>`with j as (
      insert into jobs (kind, payload, run_at, max_attempts, dedupe_key, requested_by, input)
      values (${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${runAt}, ${job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS}, ${job.dedupeKey ?? null},
        ${job.requestedBy ?? null}, ${job.input ? sql`decode(${base64(job.input)}, 'base64')` : null})
      on conflict (kind, dedupe_key) where state = 'pending' and dedupe_key is not null
      do update set run_at = excluded.run_at, payload = excluded.payload, max_attempts = excluded.max_attempts
      returning id)
    select id, pg_notify(${JOBS_CHANNEL}, ${`${job.kind}:${job.delayMs ?? 0}`}) from j`.execute(db);
  return row.id;
}

/**
 * Takes the next due job for the runner `workerId`, or undefined when none is due. One statement: the
 * row is locked by `for update skip locked`, so two runners (two processes on PostgreSQL, or two on the
 * one PGlite connection) never take the same job; the row then says 'running' until the runner records
 * the outcome. A job left 'running' longer than `staleMs` (its process died) is taken again, its
 * attempts counted. `now` is the database clock unless given (tests move time forward).
 * @example const job = await claimNextJob(db, 'pid-123'); if (job) { …run…; await markJobDone(db, job.id, 'pid-123'); }
 */
export async function claimNextJob(db: Db, workerId: string, o: { now?: Date; kinds?: readonly string[]; staleMs?: number; ignoreRunAt?: boolean } = {}): Promise<ClaimedJob | undefined> {
  const at = clock(o.now);
  const staleBefore = sql<Date>`${at} - make_interval(secs => ${(o.staleMs ?? STALE_RUNNING_MS) / 1000})`;
  let due = db.selectFrom('jobs').select('id')
    .where((eb) => eb.or([
      o.ignoreRunAt ? eb('state', '=', 'pending') : eb.and([eb('state', '=', 'pending'), eb('run_at', '<=', at)]),
      eb.and([eb('state', '=', 'running'), eb('locked_at', '<', staleBefore)]),
    ]));
  if (o.kinds) due = due.where('kind', 'in', o.kinds.length ? o.kinds : ['']);
  const row = await db.updateTable('jobs')
    .set({ state: 'running', locked_at: at, locked_by: workerId, attempts: sql<number>`attempts + 1` })
    .where('id', '=', due.orderBy('run_at').orderBy('id').limit(1).forUpdate().skipLocked())
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'requested_by'])
    .executeTakeFirst();
  return row && { ...row, payload: row.payload as Record<string, unknown> };
}

/**
 * The job is done: its row goes (the queue only holds work to do and work given up), unless a person asked
 * for it: then it says 'done' with its result, its input dropped, for DONE_JOB_KEPT_MS (older ones go now).
 */
export async function markJobDone(db: Db, id: number, workerId: string, result?: unknown): Promise<void> {
  const kept = await db.updateTable('jobs')
    .set({ state: 'done', result: JSON.stringify(result ?? null), input: null, locked_at: null, locked_by: null, finished_at: sql<Date>`now()` })
    .where('id', '=', id).where('state', '=', 'running').where('locked_by', '=', workerId).where('requested_by', 'is not', null)
    .executeTakeFirst();
  if (Number(kept.numUpdatedRows) === 0) {
    await db.deleteFrom('jobs').where('id', '=', id).where('state', '=', 'running').where('locked_by', '=', workerId).execute();
    return;
  }
  await db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', sql<Date>`now() - make_interval(secs => ${DONE_JOB_KEPT_MS / 1000})`).execute();
}

/**
 * The attempt failed: back to the queue at `retryAt` with its error, or 'failed' for good when it is null
 * (then with the refusal its author reads, when there is one).
 */
export async function markJobFailed(db: Db, id: number, workerId: string, error: string, retryAt: Date | null, refusal?: JobRefusal): Promise<void> {
  await db.updateTable('jobs')
    .set({
      state: retryAt ? 'pending' : 'failed', locked_at: null, locked_by: null, last_error: error, ...(retryAt ? { run_at: retryAt } : { finished_at: sql<Date>`now()` }),
      ...(refusal ? { error: JSON.stringify(refusal) } : {}),
    })
    .where('id', '=', id).where('state', '=', 'running').where('locked_by', '=', workerId).execute();
}

/** The runner holding a job says it is still at work (locked_at moves), so no other takes it as abandoned. */
export async function touchRunningJob(db: Db, id: number, workerId: string): Promise<void> {
  await db.updateTable('jobs').set({ locked_at: sql<Date>`now()` })
    .where('id', '=', id).where('state', '=', 'running').where('locked_by', '=', workerId).execute();
}

/** Where the running job is, as its author sees it (only while this runner holds it). */
export async function setJobProgress(db: Db, id: number, workerId: string, progress: JobProgress): Promise<void> {
  await db.updateTable('jobs').set({ progress: JSON.stringify(progress) })
    .where('id', '=', id).where('state', '=', 'running').where('locked_by', '=', workerId).execute();
}

/**
 * The file a job works on, or undefined when it has none (or has run).
 * @example const bytes = await jobInput(db, 42);
 */
export async function jobInput(db: Db, id: number): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('jobs').select(sql<string | null>`encode(input, 'base64')`.as('b64')).where('id', '=', id).executeTakeFirst();
  return row?.b64 == null ? undefined : new Uint8Array(Buffer.from(row.b64, 'base64'));
}

/** A job as its author follows it. */
export interface RequestedJob {
  id: number; kind: string; state: JobState; requested_by: number | null; payload: unknown; progress: JobProgress | null; result: unknown;
  error: JobRefusal | null; last_error: string | null; attempts: number; created_at: Date; finished_at: Date | null;
}

/** One job with its progress and outcome, or undefined (never queued, or done without an author and gone). */
export async function findJob(db: Db, id: number): Promise<RequestedJob | undefined> {
  return db.selectFrom('jobs').select(requestedJobColumns).where('id', '=', id).executeTakeFirst();
}

const requestedJobColumns = ['id', 'kind', 'state', 'requested_by', 'payload', 'progress', 'result', 'error', 'last_error', 'attempts', 'created_at', 'finished_at'] as const;

/**
 * The jobs a person asked for, of one kind or all: those not over first, then the newest.
 * @example await listRequestedJobs(db, 3, { kind: 'external.import' })
 */
export async function listRequestedJobs(db: Db, userId: number, o: { kind?: string; limit?: number } = {}): Promise<RequestedJob[]> {
  let q = db.selectFrom('jobs').select(requestedJobColumns).where('requested_by', '=', userId);
  if (o.kind) q = q.where('kind', '=', o.kind);
  return q.orderBy(sql`case when state in ('pending', 'running') then 0 else 1 end`).orderBy('id', 'desc').limit(o.limit ?? 10).execute();
}

/**
 * Puts back every job left 'running': only when no other process can be running them (the embedded
 * database is held by one process at a time, so at its start they belong to a process that died).
 */
export async function releaseRunningJobs(db: Db): Promise<number> {
  const r = await db.updateTable('jobs').set({ state: 'pending', locked_at: null, locked_by: null }).where('state', '=', 'running').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** When the next pending job of these kinds is due (undefined when none is pending), so a runner sleeps until then. */
export async function nextJobDueAt(db: Db, kinds: readonly string[]): Promise<Date | undefined> {
  if (kinds.length === 0) return undefined;
  const r = await db.selectFrom('jobs').select((eb) => eb.fn.min('run_at').as('at')).where('state', '=', 'pending').where('kind', 'in', kinds).executeTakeFirst();
  return r?.at ? new Date(r.at as Date) : undefined;
}

/**
 * How many jobs wait, run and were given up: the queue depth /api/health shows.
 * @example await jobCounts(db) // { pending: 3, running: 1, failed: 0 }
 */
export async function jobCounts(db: Db): Promise<Record<QueueState, number>> {
  const rows = await db.selectFrom('jobs').select(['state', (eb) => eb.fn.countAll<number>().as('n')]).where('state', '<>', 'done').groupBy('state').execute();
  const counts: Record<QueueState, number> = { pending: 0, running: 0, failed: 0 };
  for (const r of rows) if (r.state !== 'done') counts[r.state] = Number(r.n);
  return counts;
}

/** A row of the queue as the administration lists it. */
export interface JobRow { id: number; kind: string; state: QueueState; payload: unknown; run_at: Date; attempts: number; max_attempts: number; locked_by: string | null; last_error: string | null; created_at: Date }

/** The queue's jobs, given-up ones first, then by due time; `state` keeps one state only. */
export async function listJobs(db: Db, o: { state?: QueueState; limit?: number } = {}): Promise<JobRow[]> {
  let q = db.selectFrom('jobs').select(['id', 'kind', 'state', 'payload', 'run_at', 'attempts', 'max_attempts', 'locked_by', 'last_error', 'created_at'])
    .where('state', '<>', 'done').$narrowType<{ state: QueueState }>();
  if (o.state) q = q.where('state', '=', o.state);
  return q.orderBy(sql`case state when 'failed' then 0 when 'running' then 1 else 2 end`).orderBy('run_at').orderBy('id').limit(o.limit ?? 100).execute();
}

/**
 * The state of one job, or undefined when there is no such row (never queued, or done and deleted).
 * @example await jobState(db, 42) // 'failed'
 */
export async function jobState(db: Db, id: number): Promise<JobState | undefined> {
  return (await db.selectFrom('jobs').select('state').where('id', '=', id).executeTakeFirst())?.state;
}

/** A given-up job goes back to the queue, due now, its attempts counted from zero. False unless it was 'failed'. */
export async function requeueFailedJob(db: Db, id: number): Promise<boolean> {
  const r = await db.updateTable('jobs').set({ state: 'pending', attempts: 0, run_at: sql<Date>`now()`, locked_at: null, locked_by: null, error: null, finished_at: null, progress: null })
    .where('id', '=', id).where('state', '=', 'failed').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
