import type { Db } from '../../db/connection';
import type { RetentionPolicy } from '../../domain/privacy/retention';
import { applyRetention, type RetentionReport } from './applyRetention';

/** Once an hour: every step is idempotent, so several processes running it on one database do no harm. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

/**
 * Applies the retention policy now, then every `intervalMs` until stopped (the timer keeps no process alive).
 * A failed run is reported and retried at the next tick; runs never overlap.
 * @example const stop = startRetentionJob(db, config.retention, { onError: (e) => logger.warn({ err: e }) }); … stop();
 */
export function startRetentionJob(db: Db, policy: RetentionPolicy, options: { intervalMs?: number; onError?: (e: unknown) => void; onRun?: (r: RetentionReport) => void } = {}): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    applyRetention({ db, policy }).then((r) => options.onRun?.(r), (e: unknown) => options.onError?.(e)).finally(() => { running = false; });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
