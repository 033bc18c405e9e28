import type { Db } from '../../db/connection';
import { deleteExpiredSessions } from '../../db/session.repo';

/** Once an hour: expired sessions are useless, and keeping them only grows the table and the backups. */
export const SESSION_SWEEP_MS = 60 * 60_000;

/**
 * Deletes expired sessions now, then every `intervalMs` until stopped (the timer does not keep the process
 * alive). A failed sweep is logged and retried at the next tick.
 * @example const stop = sweepExpiredSessions(db, { onError: (e) => logger.warn(e) }); … stop();
 */
export function sweepExpiredSessions(db: Db, options: { intervalMs?: number; onError?: (e: unknown) => void; now?: () => Date } = {}): () => void {
  const now = options.now ?? (() => new Date());
  const sweep = () => { deleteExpiredSessions(db, now()).catch((e: unknown) => options.onError?.(e)); };
  sweep();
  const timer = setInterval(sweep, options.intervalMs ?? SESSION_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
