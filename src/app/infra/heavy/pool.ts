import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError, type ErrorCode } from '../../../domain/errors';
import { runHeavyTask, type HeavyOutcome } from './run';
import type { HeavyTasks } from './tasks';

let enabled = false;
let pool: Piscina | undefined;

/**
 * Sends the heavy work (tasks.ts) to worker threads from now on — `senacs serve` does, so that the event
 * loop keeps serving requests while a file is parsed or a campaign checked — or back into the calling
 * thread (the default: the command line and most tests run it inline). SENACS_WORKER_THREADS sets the
 * pool's size (default: the cores but one, at least one).
 * @example setHeavyWorkers(true); … await closeHeavyPool();
 */
export function setHeavyWorkers(on: boolean): void {
  enabled = on;
}

function thePool(): Piscina {
  const threads = Number(process.env.SENACS_WORKER_THREADS) || Math.max(1, availableParallelism() - 1);
  pool ??= new Piscina({ filename: new URL('./worker.mjs', import.meta.url).href, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 });
  return pool;
}

/**
 * Runs a heavy task in a worker thread (inline when workers are off), and answers its result; an
 * AppError thrown by the task comes back as an AppError with its code.
 * @example const { results } = await runHeavy('checkResponses', input);
 */
export async function runHeavy<K extends keyof HeavyTasks>(name: K, input: Parameters<HeavyTasks[K]>[0]): Promise<Awaited<ReturnType<HeavyTasks[K]>>> {
  const outcome: HeavyOutcome = enabled ? await thePool().run({ name, input }) : await runHeavyTask({ name, input });
  if (!outcome.ok) throw outcome.error.code ? new AppError(outcome.error.code as ErrorCode, outcome.error.message, outcome.error.details) : new Error(outcome.error.message);
  return outcome.value as Awaited<ReturnType<HeavyTasks[K]>>;
}

/** Stops the worker threads (they finish the task in hand); the next heavy task starts a new pool. */
export async function closeHeavyPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}
