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

const poolSize = () => Number(process.env.SENACS_WORKER_THREADS) || Math.max(1, availableParallelism() - 1);

function thePool(): Piscina {
  pool ??= new Piscina({ filename: new URL('./worker.mjs', import.meta.url).href, minThreads: 0, maxThreads: poolSize(), idleTimeout: 60_000 });
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

/**
 * How many heavy tasks are worth having in flight at once: the pool's threads when workers are on, else 1
 * (inline, a second task would only wait for the first). A batch (every plaquette of a year) keeps this
 * many going.
 * @example heavyParallelism() // 1 when workers are off
 */
export function heavyParallelism(): number {
  return enabled ? poolSize() : 1;
}

/**
 * Bytes answered by a task as a Buffer, without copying: a Buffer crosses threads as a plain Uint8Array.
 * @example asBuffer(await runHeavy('renderPlaquette', model)).equals(other)
 */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Stops the worker threads (they finish the task in hand); the next heavy task starts a new pool. */
export async function closeHeavyPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.close();
}
