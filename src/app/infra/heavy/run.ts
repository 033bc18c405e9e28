import { AppError } from '../../../domain/errors';
import { heavyTasks, type HeavyTasks } from './tasks';

/** A task's outcome as it crosses threads: an AppError keeps its code, message and details. */
export type HeavyOutcome = { ok: true; value: unknown } | { ok: false; error: { code?: string; message: string; details?: unknown } };

/**
 * Runs one named task and wraps its outcome so that an error keeps its code across the thread boundary.
 * @example await runHeavyTask({ name: 'checkResponses', input })
 */
export async function runHeavyTask(m: { name: keyof HeavyTasks; input: unknown }): Promise<HeavyOutcome> {
  try {
    return { ok: true, value: await (heavyTasks[m.name] as (input: unknown) => unknown)(m.input) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    return { ok: false, error: { message: e instanceof Error ? e.message : String(e) } };
  }
}
