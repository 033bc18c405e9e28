import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { sweepExpiredSessions } from './sweepExpiredSessions';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

const sessionIds = async () => (await database.db.selectFrom('sessions').select('id').where('id', 'like', 'sweep-%').orderBy('id').execute()).map((r) => r.id);

it('deletes expired sessions at once and then periodically, and keeps live ones', async () => {
  const user = await database.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const at = (ms: number) => new Date(Date.now() + ms);
  await database.db.insertInto('sessions').values([
    { id: 'sweep-expired', user_id: user.id, csrf_token: 'x', expires_at: at(-60_000) },
    { id: 'sweep-live', user_id: user.id, csrf_token: 'x', expires_at: at(60 * 60_000) },
    { id: 'sweep-soon', user_id: user.id, csrf_token: 'x', expires_at: at(300) },
  ]).execute();
  const stop = sweepExpiredSessions(database.db, { intervalMs: 100 });
  try {
    await expect.poll(sessionIds).toEqual(['sweep-live', 'sweep-soon']);
    // The one that expires a moment later goes at a later tick.
    await expect.poll(sessionIds, { timeout: 3000 }).toEqual(['sweep-live']);
  } finally { stop(); }
});
