import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/connection';
import { LOGIN_LIMITS_TABLE, limiterStoreClient } from '../../db/loginLimit.repo';
import { AppError } from '../../domain/errors';

/** Budgets of "forgotten password" requests; windows in seconds. */
export interface PasswordResetLimits {
  /** Requests from one address, whatever the e-mail (someone sending mails to many people). */
  perAddress: { points: number; seconds: number };
  /** Requests for one e-mail, from anywhere (someone flooding one mailbox). Counted whether the account exists or not. */
  perEmail: { points: number; seconds: number };
}

export const DEFAULT_PASSWORD_RESET_LIMITS: PasswordResetLimits = {
  perAddress: { points: 10, seconds: 60 * 60 },
  perEmail: { points: 3, seconds: 60 * 60 },
};

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

/**
 * Rate limits of "mot de passe oublié ?" with rate-limiter-flexible, like the login limiter: in memory on
 * the embedded database (one process), in the login counters' table on PostgreSQL (several processes).
 * A request is counted before anything is looked up, and the same for existing and unknown addresses, so
 * the limit itself tells nothing about which accounts exist.
 * @example const limiter = PasswordResetLimiter.forDatabase(db, 'pglite'); await limiter.take(email, address); // throws rate_limited
 */
export class PasswordResetLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byEmail: RateLimiterAbstract;

  constructor(make: (name: string, points: number, seconds: number) => RateLimiterAbstract, limits: PasswordResetLimits = DEFAULT_PASSWORD_RESET_LIMITS) {
    this.byAddress = make('reset_addr', limits.perAddress.points, limits.perAddress.seconds);
    this.byEmail = make('reset_email', limits.perEmail.points, limits.perEmail.seconds);
  }

  static forDatabase(db: Db, kind: 'pglite' | 'postgres', limits: PasswordResetLimits = DEFAULT_PASSWORD_RESET_LIMITS): PasswordResetLimiter {
    if (kind === 'pglite') return PasswordResetLimiter.inMemory(limits);
    const storeClient = limiterStoreClient(db);
    return new PasswordResetLimiter((keyPrefix, points, duration) =>
      new RateLimiterPostgres({ storeClient, storeType: 'client', tableName: LOGIN_LIMITS_TABLE, tableCreated: true, clearExpiredByTimeout: false, keyPrefix, points, duration }), limits);
  }

  static inMemory(limits: PasswordResetLimits = DEFAULT_PASSWORD_RESET_LIMITS): PasswordResetLimiter {
    return new PasswordResetLimiter((keyPrefix, points, duration) => new RateLimiterMemory({ keyPrefix, points, duration }), limits);
  }

  /** Counts one request; throws `rate_limited` in French, with `retryAfterSeconds`, when a budget is spent. */
  async take(email: string, address: string): Promise<void> {
    for (const [limiter, key] of [[this.byAddress, keyOf(address)], [this.byEmail, keyOf(email.toLowerCase())]] as const) {
      try {
        await limiter.consume(key, 1);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const minutes = Math.max(1, Math.ceil(e.msBeforeNext / 60_000));
        throw new AppError('rate_limited', `Trop de demandes de réinitialisation. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`, { retryAfterSeconds: minutes * 60 });
      }
    }
  }
}
