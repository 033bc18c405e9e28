import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/connection';
import { LOGIN_LIMITS_TABLE, limiterStoreClient } from '../../db/loginLimit.repo';
import { AppError } from '../../domain/errors';

/** Budgets of login attempts; every window is in seconds. */
export interface LoginLimits {
  /** Attempts from one address, all accounts together (a successful login gives its attempt back). */
  perAddress: { points: number; seconds: number };
  /** Attempts on one account from one address (forgotten when that address logs in). */
  perAccountAddress: { points: number; seconds: number };
  /** Failed attempts on one account from addresses it never logged in from, before those are slowed down… */
  slowDownAfter: { points: number; seconds: number };
  /** …to one attempt per this many seconds for the account (a delay, never a lockout). */
  slowDownSeconds: number;
  /** How long an address that logged in stays known to the account (it is never slowed down). */
  knownSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAddress: { points: 50, seconds: 15 * 60 },
  perAccountAddress: { points: 10, seconds: 15 * 60 },
  slowDownAfter: { points: 10, seconds: 15 * 60 },
  slowDownSeconds: 3,
  // 14 days, like a session; rate-limiter-flexible's memory store cannot time out past 24.8 days (setTimeout).
  knownSeconds: 14 * 86400,
};

/** One attempt, counted before the password is checked; settle it with `succeeded` when the password was right. */
export interface LoginAttempt { address: string; accountAddress: string; account: string; known: boolean }

type Make = (name: string, points: number, seconds: number) => RateLimiterAbstract;

/** Keys are hashed: the counters hold neither e-mail addresses nor IP addresses. */
const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * The login limiter. Every attempt is counted before the password is checked, so parallel requests
 * cannot run more checks than the budget. Three budgets:
 * - per address (the socket's, or the client behind a trusted proxy): guessing many accounts;
 * - per account and address: guessing one account from one place;
 * - per account from addresses it never logged in from: past a threshold, those attempts are paced
 *   (one every few seconds, answered 429 with a short Retry-After) instead of locked, so strangers
 *   spread over many addresses slow down, and the owner — from an address it logged in from before, or
 *   any other after at most a few seconds — still gets in.
 * @example const limiter = LoginLimiter.forDatabase(db, 'postgres');
 * const attempt = await limiter.begin(email, address); // throws rate_limited
 * await login(…); await limiter.succeeded(attempt);
 */
export class LoginLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byAccountAddress: RateLimiterAbstract;
  private readonly accountFailures: RateLimiterAbstract;
  private readonly accountPace: RateLimiterAbstract;
  private readonly known: RateLimiterAbstract;

  constructor(make: Make, readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.byAddress = make('login_addr', limits.perAddress.points, limits.perAddress.seconds);
    this.byAccountAddress = make('login_acct_addr', limits.perAccountAddress.points, limits.perAccountAddress.seconds);
    this.accountFailures = make('login_acct_fail', limits.slowDownAfter.points, limits.slowDownAfter.seconds);
    this.accountPace = make('login_acct_pace', 1, limits.slowDownSeconds);
    this.known = make('login_known', 1, limits.knownSeconds);
  }

  /**
   * Counters in memory for the embedded database: PGlite is one process (its data folder has one owner), so
   * this memory sees every attempt, and counting in the database would put three writes per attempt on its
   * single connection, which a flood of wrong logins would then take from everyone's autosaves. Counters
   * in the database with PostgreSQL, where several processes may serve the same accounts.
   * @example LoginLimiter.forDatabase(db, 'pglite')
   */
  static forDatabase(db: Db, kind: 'pglite' | 'postgres', limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
    if (kind === 'pglite') return LoginLimiter.inMemory(limits);
    const storeClient = limiterStoreClient(db);
    let sweeper = true;
    return new LoginLimiter((keyPrefix, points, duration) => {
      // One sweeper of expired rows is enough: the budgets share the table.
      const limiter = new RateLimiterPostgres({ storeClient, storeType: 'client', tableName: LOGIN_LIMITS_TABLE, tableCreated: true, clearExpiredByTimeout: sweeper, keyPrefix, points, duration });
      sweeper = false;
      return limiter;
    }, limits);
  }

  /** @example LoginLimiter.inMemory({ ...DEFAULT_LOGIN_LIMITS, slowDownSeconds: 1 }) */
  static inMemory(limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
    return new LoginLimiter((keyPrefix, points, duration) => new RateLimiterMemory({ keyPrefix, points, duration }), limits);
  }

  /** Counts an attempt on `email` from `address`; throws `rate_limited` (with `retryAfterSeconds`) when a budget is spent. */
  async begin(email: string, address: string): Promise<LoginAttempt> {
    const account = keyOf(email.toLowerCase());
    const attempt: LoginAttempt = { address: keyOf(address), account, accountAddress: keyOf(email.toLowerCase(), address), known: false };
    await take(this.byAddress, attempt.address, (s) => `Trop de tentatives de connexion depuis votre adresse. Réessayez dans ${delay(s)}.`);
    await take(this.byAccountAddress, attempt.accountAddress, (s) => `Trop de tentatives de connexion à ce compte depuis votre adresse. Réessayez dans ${delay(s)}.`);
    attempt.known = (await this.known.get(attempt.accountAddress)) !== null;
    if (!attempt.known) {
      // Counted and read in one step (parallel attempts each see their own rank), then paced past the threshold.
      const rank = await this.accountFailures.penalty(account, 1);
      if (rank.consumedPoints > this.limits.slowDownAfter.points) {
        await take(this.accountPace, account, (s) => `Ce compte reçoit de nombreuses tentatives de connexion : elles sont ralenties. Réessayez dans ${s} seconde${s > 1 ? 's' : ''}.`);
      }
    }
    return attempt;
  }

  /** The password was right: the attempt is given back, the address becomes known to the account. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.byAddress.reward(attempt.address, 1);
    await this.byAccountAddress.delete(attempt.accountAddress);
    if (!attempt.known) await this.accountFailures.reward(attempt.account, 1);
    await this.known.set(attempt.accountAddress, 1, this.limits.knownSeconds);
  }
}

async function take(limiter: RateLimiterAbstract, key: string, message: (seconds: number) => string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (e) {
    if (!(e instanceof RateLimiterRes)) throw e;
    const seconds = retryAfter(e);
    throw new AppError('rate_limited', message(seconds), { retryAfterSeconds: seconds });
  }
}

function delay(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m > 1 ? 's' : ''}`;
}
