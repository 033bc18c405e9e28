import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { listReleases } from '../../db/release.repo';
import { anonymous } from '../../domain/roles';
import { openTestDatabase } from '../../testing/testDb';
import { getDashboard, warmPublishedFigures } from './getDashboard';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(async () => { await database.close(); });

describe('warmPublishedFigures', () => {
  it('makes the latest published year’s national dashboard before anyone asks: the first visitor gets that very answer', async () => {
    const latest = (await listReleases(database.db))[0];
    expect(latest).toBeDefined();
    expect(await warmPublishedFigures(database.db)).toBe(latest.year);
    const first = await getDashboard({ db: database.db, actor: anonymous, year: latest.year, level: 'nation' });
    // The kept answer itself (its JSON and compressed bytes are kept with it), not one built again.
    expect(await getDashboard({ db: database.db, actor: anonymous, year: latest.year, level: 'nation' })).toBe(first);
    expect(first.release?.number).toBe(latest.number);
    expect(first.figures.length).toBeGreaterThan(0);
  });
});
