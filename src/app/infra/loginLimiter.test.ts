import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { AppError } from '../../domain/errors';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter } from './loginLimiter';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

const refused = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

describe('LoginLimiter', () => {
  it('gives a successful attempt back and forgets the failures of that account and address', async () => {
    const limiter = LoginLimiter.inMemory();
    for (let i = 0; i < 9; i++) await limiter.begin('a@exemple.fr', '192.0.2.1');
    await limiter.succeeded(await limiter.begin('a@exemple.fr', '192.0.2.1'));
    for (let i = 0; i < 10; i++) await limiter.begin('a@exemple.fr', '192.0.2.1');
    const e = await refused(limiter.begin('a@exemple.fr', '192.0.2.1'));
    expect(e?.code).toBe('rate_limited');
    expect(e?.details).toEqual({ retryAfterSeconds: expect.any(Number) });
    // E-mail addresses are compared without case.
    expect((await refused(limiter.begin('A@Exemple.FR', '192.0.2.1')))?.code).toBe('rate_limited');
  });

  it('shares its counters between processes on PostgreSQL (two limiters, one budget), keeps them per process on PGlite', async () => {
    const a = LoginLimiter.forDatabase(database.db, database.kind);
    const b = LoginLimiter.forDatabase(database.db, database.kind);
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.perAccountAddress.points; i++) await a.begin('b@exemple.fr', '192.0.2.2');
    const e = await refused(b.begin('b@exemple.fr', '192.0.2.2'));
    if (database.kind === 'postgres') {
      expect(e?.code).toBe('rate_limited');
      const rows = await database.db.selectFrom('login_limits' as never).selectAll().execute();
      // Keys are hashed: no e-mail or IP address in the table.
      expect(JSON.stringify(rows)).not.toMatch(/exemple|192\.0\.2/);
    } else {
      expect(e).toBeUndefined();
    }
  });
});
