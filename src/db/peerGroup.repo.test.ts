import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import { freezeNeighbours, getFrozenNeighboursOfYear, getFrozenNeighboursOfYears } from './peerGroup.repo';
import { openTestDatabase } from '../testing/testDb';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('getFrozenNeighboursOfYears', () => {
  it('reads the frozen groups of several years in one statement, as each year alone reads them', async () => {
    const db = database.db;
    const campaigns = await db.selectFrom('campaigns').select(['id', 'year']).orderBy('year').execute();
    const ids = (await db.selectFrom('structures').select('id').orderBy('id').limit(6).execute()).map((r) => r.id);
    const [self, ...others] = ids;
    const group = (n: number) => others.slice(0, n).map((structureId, i) => ({ rank: i + 1, structureId, distance: i / 10, reasons: { commune: 'même taille' } }));
    await freezeNeighbours(db, campaigns[0].id, self, group(3));
    await freezeNeighbours(db, campaigns[1].id, self, group(5));
    const years = campaigns.map((c) => c.year);
    const all = await getFrozenNeighboursOfYears(db, years, self);
    expect(all.get(years[0])).toHaveLength(3);
    expect(all.get(years[1])).toHaveLength(5);
    for (const y of years) expect(all.get(y) ?? []).toEqual(await getFrozenNeighboursOfYear(db, y, self));
    expect(await getFrozenNeighboursOfYears(db, [], self)).toEqual(new Map());
  });
});
