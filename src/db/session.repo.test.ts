import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import { deleteSession, findSessionActor, forgetSessionActors, insertSession } from './session.repo';
import { openTestDatabase } from '../testing/testDb';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('findSessionActor', () => {
  it('shares one read between callers at once, keeps it a second, and never answers a session ended since', async () => {
    const db = database.db;
    const user = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
    const id = `test-session-${Date.now()}`;
    await insertSession(db, { id, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    const rows = await Promise.all(Array.from({ length: 20 }, () => findSessionActor(db, id, new Date())));
    expect(rows[0]?.user_id).toBe(user.id);
    // One read for all twenty (twenty reads would give twenty rows).
    expect(new Set(rows).size).toBe(1);
    expect(await findSessionActor(db, id, new Date())).toBe(rows[0]);
    // Asked with a time past its end, the kept row is not answered.
    expect(await findSessionActor(db, id, new Date(Date.now() + 7_200_000))).toBeUndefined();
    forgetSessionActors();
    const again = await findSessionActor(db, id, new Date());
    expect(again).not.toBe(rows[0]);
    expect(again).toEqual(rows[0]);
    await deleteSession(db, id);
    expect(await findSessionActor(db, id, new Date())).toBeUndefined();
  });
});
