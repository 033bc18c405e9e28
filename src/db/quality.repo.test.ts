import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import { qualityRows } from './quality.repo';
import { openTestDatabase } from '../testing/testDb';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('qualityRows', () => {
  it('reads a campaign by slices to the very rows it reads at once (answers, two years of history, justifications)', async () => {
    const campaign = await database.db.selectFrom('campaigns').select(['id', 'year']).where('year', '=', 2025).executeTakeFirstOrThrow();
    const whole = await qualityRows(database.db, campaign, undefined, 100_000);
    expect(whole.length).toBeGreaterThan(20);
    expect(whole.filter((r) => r.history.length === 2).length).toBeGreaterThan(0);
    expect(whole.every((r) => Object.keys(r.answers).length > 0)).toBe(true);
    expect(await qualityRows(database.db, campaign, undefined, 7)).toEqual(whole);
    const some = whole.slice(3, 17).map((r) => r.responseId);
    expect(await qualityRows(database.db, campaign, some, 4)).toEqual(whole.filter((r) => some.includes(r.responseId)));
  });
});
