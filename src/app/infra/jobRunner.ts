import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection';
import { claimNextJob, enqueueJob, jobInput, JOBS_CHANNEL, markJobDone, markJobFailed, nextJobDueAt, releaseRunningJobs, setJobProgress, touchRunningJob, type ClaimedJob, type NewJob } from '../../db/jobs.repo';
import { openNotifyChannel } from '../../db/notify.repo';
import { describeJobError, jobRetryDelayMs, STALE_RUNNING_MS, type JobProgress } from '../../domain/jobs';
import { AppError } from '../../domain/errors';

/** What a running job is given beside its payload. */
export interface JobContext {
  id: number;
  /** The person who asked for the job (null for the server's own work). */
  requestedBy: number | null;
  /** The file queued with the job (an upload), if any. */
  input(): Promise<Uint8Array | undefined>;
  /** Says where the job is, for its author's page; written at most every PROGRESS_EVERY_MS (the last one always). */
  progress(p: JobProgress): void;
}

/**
 * What a job of one kind does with its payload; what it answers is the result its author reads. A throw is
 * a failed attempt, retried with backoff, except an AppError: a refusal (bad file, not allowed, nothing to
 * publish) that would be the same next time, so the job fails at once and its author reads why.
 */
export type JobHandler = (db: Db, payload: Record<string, unknown>, context: JobContext) => Promise<unknown>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobRunReport { done: number; retried: number; failed: number }

/** Runners of this process per database, woken when this process queues a job (other processes: NOTIFY). */
const localRunners = new Map<Db, Set<(atMs: number) => void>>();

/**
 * Queues a job (see enqueueJob) and wakes this process's runner of the database for the time it is
 * due; the runners of other processes are woken by the NOTIFY the queueing sends.
 * @example await queueJob(db, { kind: 'quality.recheck', payload: { responseId: 12 }, delayMs: 1500, dedupeKey: '12' });
 */
export async function queueJob(db: Db, job: NewJob): Promise<number> {
  const id = await enqueueJob(db, job);
  for (const wake of localRunners.get(db) ?? []) wake(Date.now() + (job.delayMs ?? 0));
  return id;
}

/** A name for the runner of this process, kept on the jobs it holds (host, pid and a random part). */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Runs the due jobs of the kinds in `handlers`, one claimed row at a time (claimNextJob: never two
 * runners on one job), and records each outcome: done (the row goes), retried later with its error
 * (exponential backoff), or 'failed' for good after its attempts (also a job that was still 'running'
 * when its process died too many times). Never throws for a job's failure. Stops after `limit` jobs.
 * `ignoreRunAt` runs pending jobs before their time (flushing a debounce).
 * @example await runDueJobs({ db, handlers: { 'quality.recheck': recheck }, workerId: newWorkerId() });
 */
export async function runDueJobs(p: { db: Db; handlers: JobHandlers; workerId: string; limit?: number; now?: () => Date; ignoreRunAt?: boolean; staleMs?: number }): Promise<JobRunReport> {
  const report: JobRunReport = { done: 0, retried: 0, failed: 0 };
  const clock = p.now ?? (() => new Date());
  const kinds = Object.keys(p.handlers);
  for (let i = 0; i < (p.limit ?? 200); i++) {
    const job = await claimNextJob(p.db, p.workerId, { now: p.now?.(), kinds, ignoreRunAt: p.ignoreRunAt, staleMs: p.staleMs });
    if (!job) break;
    if (job.attempts > job.max_attempts) {
      await markJobFailed(p.db, job.id, p.workerId, 'abandonnée : le processus qui l’exécutait s’est arrêté trop de fois', null);
      report.failed++;
      continue;
    }
    const context = jobContext(p.db, job, p.workerId);
    // A long job (a national import, a publication) says it is alive three times per stale delay: only a job
    // whose process died is taken again by another runner, never one still at work.
    // No beat when every running job counts as abandoned at once (staleMs 0), and never more than 4 a second.
    const staleMs = p.staleMs ?? STALE_RUNNING_MS;
    const heartbeat = staleMs > 0 ? setInterval(() => { touchRunningJob(p.db, job.id, p.workerId).catch(() => undefined); }, Math.max(staleMs / 3, 250)) : undefined;
    try {
      const result = await p.handlers[job.kind](p.db, job.payload, context);
      await context.flush();
      await markJobDone(p.db, job.id, p.workerId, result);
      report.done++;
    } catch (error) {
      await context.flush().catch(() => undefined);
      const refusal = error instanceof AppError ? { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } : undefined;
      const delay = refusal ? null : jobRetryDelayMs(job.attempts, job.max_attempts);
      await markJobFailed(p.db, job.id, p.workerId, describeJobError(error), delay === null ? null : new Date(clock().getTime() + delay), refusal);
      if (delay === null) report.failed++; else report.retried++;
    } finally {
      clearInterval(heartbeat);
    }
  }
  return report;
}

/** How often a job's progress is written at most (the page asks every half second). */
export const PROGRESS_EVERY_MS = 250;

/** The context of one claimed job: its input on demand, its progress written one at a time, throttled. */
function jobContext(db: Db, job: ClaimedJob, workerId: string): JobContext & { flush(): Promise<void> } {
  let writing: Promise<void> = Promise.resolve();
  let pending: JobProgress | undefined;
  let lastAt = 0;
  const write = () => {
    const next = pending;
    pending = undefined;
    lastAt = Date.now();
    if (next) writing = writing.then(() => setJobProgress(db, job.id, workerId, next)).catch(() => undefined);
  };
  return {
    id: job.id,
    requestedBy: job.requested_by,
    input: () => jobInput(db, job.id),
    progress(p) {
      if (job.requested_by === null) return;
      pending = p;
      if (Date.now() - lastAt >= PROGRESS_EVERY_MS) write();
    },
    async flush() { write(); await writing; },
  };
}

export interface JobRunner {
  /** Look at the queue at `atMs` (epoch ms; now by default) unless it is already due to look sooner. */
  wake(atMs?: number): void;
  /** Stops looking and waits for the batch in progress. */
  stop(): Promise<void>;
}

/**
 * The job runner of a server process: runs due jobs, then sleeps until the next one is due (at most
 * `intervalMs`, so that jobs abandoned by a dead process are found). Woken by queueJob in this process
 * and, with `databaseUrl` (PostgreSQL), by the NOTIFY of any process. `exclusive` says no other process
 * can hold jobs (the embedded database): jobs left 'running' by a previous run are taken again at once.
 * @example const runner = await startJobRunner({ db, handlers: serverJobHandlers }); … await runner.stop();
 */
export async function startJobRunner(p: {
  db: Db; handlers: JobHandlers; workerId?: string; intervalMs?: number; databaseUrl?: string; exclusive?: boolean; staleMs?: number;
  onError?: (error: unknown) => void; onReport?: (report: JobRunReport) => void;
}): Promise<JobRunner> {
  const workerId = p.workerId ?? newWorkerId();
  const interval = p.intervalMs ?? 30_000;
  if (p.exclusive) await releaseRunningJobs(p.db);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let running: Promise<void> | undefined;
  let again = false;
  const wake = (atMs = Date.now()) => {
    if (stopped) return;
    if (running) { if (atMs <= Date.now()) again = true; else if (atMs < timerAt) arm(atMs); return; }
    if (atMs < timerAt) arm(atMs);
  };
  const arm = (atMs: number) => {
    clearTimeout(timer);
    timerAt = atMs;
    timer = setTimeout(() => { timerAt = Infinity; if (running) again = true; else running = run(); }, Math.max(0, atMs - Date.now())).unref();
  };
  const run = async () => {
    let next = Date.now() + interval;
    try {
      do {
        again = false;
        const report = await runDueJobs({ db: p.db, handlers: p.handlers, workerId, staleMs: p.staleMs });
        if (report.done + report.retried + report.failed > 0) p.onReport?.(report);
      } while (again && !stopped);
      const due = await nextJobDueAt(p.db, Object.keys(p.handlers));
      if (due) next = Math.min(next, Math.max(due.getTime(), Date.now() + 50));
    } catch (error) {
      p.onError?.(error);
      next = Date.now() + 1000;
    }
    running = undefined;
    if (!stopped && next < timerAt) arm(next);
  };
  const mine = localRunners.get(p.db) ?? new Set();
  localRunners.set(p.db, mine.add(wake));
  const channel = p.databaseUrl ? await openNotifyChannel({
    databaseUrl: p.databaseUrl, channel: JOBS_CHANNEL, onError: p.onError,
    onPayload: (payload) => { const delay = Number(payload.split(':')[1] ?? 0); wake(Date.now() + (Number.isFinite(delay) ? delay : 0)); },
    onReconnect: () => wake(),
  }) : undefined;
  arm(Date.now());
  return {
    wake,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      mine.delete(wake);
      if (mine.size === 0 && localRunners.get(p.db) === mine) localRunners.delete(p.db);
      await channel?.close().catch(() => undefined);
      await running;
    },
  };
}
