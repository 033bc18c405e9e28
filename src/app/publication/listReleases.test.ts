import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database$ } from '../../db/connection';
import { openTestDatabase } from '../../testing/testDb';
import { listCampaignReleases } from './listReleases';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

it('lists every campaign, newest first, each with the releases of its own year only', async () => {
  const campaigns = await listCampaignReleases({ db: database.db });
  const years = (await database.db.selectFrom('campaigns').select('year').orderBy('year', 'desc').execute()).map((r) => r.year);
  expect(campaigns.map((k) => k.year)).toEqual(years);
  const stored = await database.db.selectFrom('releases').select(['id', 'year']).execute();
  expect(stored.length).toBeGreaterThan(0); // the demo publishes its closed years
  const listed = campaigns.flatMap((k) => k.releases.map((r) => ({ id: r.id, year: r.year, under: k.year })));
  expect(listed.map((r) => r.id).sort()).toEqual(stored.map((r) => r.id).sort());
  for (const r of listed) expect(r.year).toBe(r.under);
});
