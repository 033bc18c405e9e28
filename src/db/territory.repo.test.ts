import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database$ } from './connection';
import { forgetGeography, getDepartement, getRegion, listDepartements, listRegions } from './territory.repo';
import { openTestDatabase } from '../testing/testDb';

let database: Database$;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(() => database.close());

describe('geography kept in memory', () => {
  it('answers what the tables hold, read once, and what was written after forgetGeography', async () => {
    const db = database.db;
    const regions = await db.selectFrom('regions').selectAll().orderBy('name').execute();
    const departements = await db.selectFrom('departements').selectAll().orderBy('code').execute();
    expect(await listRegions(db)).toEqual(regions);
    expect(await listDepartements(db)).toEqual(departements);
    expect(await listDepartements(db, '84')).toEqual(departements.filter((d) => d.region_code === '84'));
    expect(await getDepartement(db, '69')).toEqual(departements.find((d) => d.code === '69'));
    expect(await getRegion(db, '84')).toEqual(regions.find((r) => r.code === '84'));
    expect(await getDepartement(db, '6')).toBeUndefined();

    // A caller changing what it got does not change what the next one gets.
    (await listRegions(db))[0].name = 'Changé';
    expect(await listRegions(db)).toEqual(regions);

    await db.insertInto('regions').values({ code: 'ZZ', name: 'Région d’essai' }).execute();
    expect(await getRegion(db, 'ZZ')).toBeUndefined();
    forgetGeography(db);
    expect(await getRegion(db, 'ZZ')).toEqual({ code: 'ZZ', name: 'Région d’essai' });
    await db.deleteFrom('regions').where('code', '=', 'ZZ').execute();
    forgetGeography(db);
  });
});
